package org.disclosure.extractor.extract;

/** The file a record was read from. */
public record Source(String file, String sha256, String format, Integer pages) {
}
