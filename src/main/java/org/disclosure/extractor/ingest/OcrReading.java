package org.disclosure.extractor.ingest;

import java.util.List;

/**
 * What optical character recognition did for a document: which pages were read from their images, by which
 * engine at which resolution, and how sure the engine was; or why pages that needed it were not read.
 *
 * @param engine      the engine and its model, e.g. "tesseract 5.3.0 chi_sim"; null when none ran
 * @param dpi         the resolution pages were rendered at for recognition
 * @param pages       1-based pages whose text came from recognition, ascending
 * @param confidence  the engine's mean word confidence over those pages, 0–100 (NaN when no page was read)
 * @param unavailable why pages without a text layer were left unread (OCR turned off, Tesseract or its Chinese
 *                    model not installed — with what to install — or recognition failing), else null
 */
public record OcrReading(String engine, int dpi, List<Integer> pages, double confidence, String unavailable) {

    public OcrReading {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** Pages needed recognition and none was done, for the reason given. */
    public static OcrReading unavailable(String why) {
        return new OcrReading(null, 0, List.of(), Double.NaN, why);
    }

    /** Whether page {@code page} was read by recognition. */
    public boolean read(int page) {
        return pages.contains(page);
    }
}
