package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the libraries that read files (POI, PDFBox, Tika, through SLF4J) log when a file is read in this
 * process: a file rather than the user's terminal, where a hostile file would print pages of stack traces.
 * Takes effect only before the first library logs, which is why commands call it first.
 */
final class LibraryLog {

    static final String PROPERTY = "org.slf4j.simpleLogger.logFile";

    private LibraryLog() {
    }

    /** Sends the libraries' log to {@code file}. */
    static Path divert(Path file) {
        System.setProperty(PROPERTY, file.toString());
        return file;
    }

    /** Sends the libraries' log to a new temporary file, named for the command. */
    static Path divert(String command) throws IOException {
        return divert(Files.createTempFile("disclosure-extractor-" + command + "-", ".log"));
    }

    /** Deletes the log when nothing was written to it; otherwise returns the line that names it. */
    static String close(Path log, String command) {
        try {
            if (Files.size(log) == 0) {
                Files.delete(log);
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return command + ": the libraries reading the file logged messages; they are in " + log;
    }
}
