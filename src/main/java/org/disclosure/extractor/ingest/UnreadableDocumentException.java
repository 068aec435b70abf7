package org.disclosure.extractor.ingest;

/** A file that cannot be read as a document, with a reason a user can act on. */
public class UnreadableDocumentException extends Exception {

    private final String reason;

    public UnreadableDocumentException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public UnreadableDocumentException(String reason, String message) {
        this(reason, message, null);
    }

    /** A short machine-readable reason: empty-file, encrypted, corrupt, unsupported-format, too-large, … */
    public String reason() {
        return reason;
    }
}
