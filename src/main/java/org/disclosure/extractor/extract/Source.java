package org.disclosure.extractor.extract;

/** The file a record was read from; {@code damage} says what is wrong with a file read only in part (else null). */
public record Source(String file, String sha256, String format, Integer pages, String damage) {

    public Source(String file, String sha256, String format, Integer pages) {
        this(file, sha256, format, pages, null);
    }
}
