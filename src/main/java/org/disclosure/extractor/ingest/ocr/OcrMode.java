package org.disclosure.extractor.ingest.ocr;

import java.util.Locale;

/** When pages of a PDF are read by optical character recognition. */
public enum OcrMode {
    /** Never: a page without a text layer stays unread. */
    NEVER,
    /** Pages without a text layer that show an image (scans), when Tesseract is installed. The default. */
    AUTO,
    /** Every page, whatever its text layer says (for PDFs whose text layer is garbled). */
    ALWAYS;

    /** The mode named on the command line (never, auto, always). */
    public static OcrMode parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ocr must be never, auto or always, not " + name);
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
