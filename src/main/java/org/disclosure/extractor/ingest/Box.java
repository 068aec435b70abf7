package org.disclosure.extractor.ingest;

/**
 * A rectangle on a page of a PDF where some characters are drawn, in PDF points (1/72 inch) with the origin at
 * the top-left corner of the page as it is rendered (its crop box, turned as the page's /Rotate says): x grows to
 * the right, y downwards. A renderer at {@code dpi} draws it at pixels = points × dpi / 72.
 *
 * @param page 1-based page number
 * @param x0   left edge
 * @param y0   top edge
 * @param x1   right edge
 * @param y1   bottom edge
 * @param confidence the recognition engine's confidence in the characters, 0–100, for text read by OCR from the
 *                   page's image; NaN for text the PDF itself holds
 */
public record Box(int page, float x0, float y0, float x1, float y1, float confidence) {

    /** A box of text the PDF holds (not read by OCR). */
    public Box(int page, float x0, float y0, float x1, float y1) {
        this(page, x0, y0, x1, y1, Float.NaN);
    }

    /** Whether the characters were read by OCR. */
    public boolean ocr() {
        return !Float.isNaN(confidence);
    }

    public float width() {
        return x1 - x0;
    }

    public float height() {
        return y1 - y0;
    }
}
