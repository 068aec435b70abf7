package org.disclosure.extractor.ingest.ocr;

/**
 * How recognition is run.
 *
 * @param mode     when pages are recognised
 * @param command  the Tesseract program (a name looked up on PATH, or a path)
 * @param language the Tesseract model; chi_sim reads Simplified Chinese with Latin digits
 * @param dpi      the resolution pages are rendered at for recognition
 */
public record OcrOptions(OcrMode mode, String command, String language, int dpi) {

    /** Resolution chosen by measurement on rendered and real scanned reports (see README, OCR). */
    public static final int DEFAULT_DPI = 300;

    public static final OcrOptions DEFAULT = new OcrOptions(OcrMode.AUTO, "tesseract", "chi_sim", DEFAULT_DPI);
    public static final OcrOptions OFF = new OcrOptions(OcrMode.NEVER, "tesseract", "chi_sim", DEFAULT_DPI);

    public static OcrOptions of(OcrMode mode) {
        return new OcrOptions(mode, DEFAULT.command(), DEFAULT.language(), DEFAULT.dpi());
    }
}
