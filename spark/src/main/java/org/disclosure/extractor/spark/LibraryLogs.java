package org.disclosure.extractor.spark;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Keeps what the reading libraries say about a file out of the executors' logs, which Spark keeps and YARN
 * collects: a damaged PDF can make PDFBox log a stack trace per content operator, hundreds of megabytes for one
 * file (the CLI bounds them in workers.log). What went wrong with a file is in its error or its record's reason.
 */
final class LibraryLogs {

    private static final Map<String, Level> QUIET = Map.of(
            "org.apache.pdfbox", Level.OFF,
            "org.apache.fontbox", Level.OFF,
            "org.apache.poi", Level.OFF,
            "org.apache.tika", Level.OFF,
            "org.apache.xmlbeans", Level.OFF);

    private static volatile boolean done;

    private LibraryLogs() {
    }

    /** Silences the libraries in this JVM (once; a JVM whose logging is not Log4j 2 is left as it is). */
    static void quiet() {
        if (done) {
            return;
        }
        done = true;
        try {
            Configurator.setLevel(QUIET);
        } catch (LinkageError | RuntimeException e) {
            // Spark 4 logs through Log4j 2; a cluster set up otherwise keeps its own levels
        }
    }
}
