package org.disclosure.extractor.extract;

import org.disclosure.extractor.ingest.OcrReading;

/**
 * The file a record was read from; {@code damage} says what is wrong with a file read only in part (else null);
 * {@code ocr} which pages were read by optical character recognition, or why pages needing it were not (else null).
 */
public record Source(String file, String sha256, String format, Integer pages, String damage, OcrReading ocr) {

    public Source(String file, String sha256, String format, Integer pages) {
        this(file, sha256, format, pages, null, null);
    }

    public Source(String file, String sha256, String format, Integer pages, String damage) {
        this(file, sha256, format, pages, damage, null);
    }
}
