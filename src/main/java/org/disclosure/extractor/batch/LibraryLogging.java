package org.disclosure.extractor.batch;

/**
 * Where the libraries' log messages go while files are read: commons-logging (PDFBox, Tika) is sent through
 * log4j-api to SLF4J, as POI's messages already are, and so to stderr at level error (simplelogger.properties),
 * which the run keeps in workers.log, bounded. Left to itself commons-logging 1.3 picks its own SLF4J bridge,
 * which with slf4j-simple drops every message that carries an exception: PDFBox's account of what is damaged
 * in a PDF would be lost.
 */
final class LibraryLogging {

    private static final String FACTORY = "org.apache.commons.logging.LogFactory";

    private LibraryLogging() {
    }

    /** Call before any library logs (the choice is made once, when the first logger is made). */
    static void route() {
        if (System.getProperty(FACTORY) == null) {
            System.setProperty(FACTORY, "org.apache.commons.logging.impl.Log4jApiLogFactory");
        }
    }
}
