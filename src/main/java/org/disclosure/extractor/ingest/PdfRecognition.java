package org.disclosure.extractor.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.disclosure.extractor.ingest.PdfReader.PageLines;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.disclosure.extractor.ingest.ocr.PageRecognizer;
import org.disclosure.extractor.ingest.ocr.Tesseract;

/**
 * Which pages of a PDF are read by OCR, and reading them. In {@code auto} mode a page is a scan when it holds no
 * text and images cover a good part of it, or almost no text and images cover nearly all of it (a scanned page
 * with a typed running header); a blank page or one with only a logo is not. In {@code always} mode every page
 * with anything on it is read from its image. A page read by OCR replaces what its text layer gave.
 */
final class PdfRecognition {

    /** A page with no text whose images cover at least this share of it is a scan. */
    static final double SCAN_COVER = 0.25;
    /** A page whose images cover this share of it and that holds fewer characters than {@link #FEW_CHARS} is a scan. */
    static final double FULL_COVER = 0.6;
    static final int FEW_CHARS = 20;
    /** One page may take this long in Tesseract before it is given up (the run's per-file time limit applies too). */
    private static final long PAGE_TIMEOUT_MILLIS = 90_000;

    /** What a page read from its text layer holds: its characters and the share of it images cover. */
    record PageContent(int page, int chars, double imageCover) {

        boolean scanned() {
            return (chars == 0 && imageCover >= SCAN_COVER) || (chars < FEW_CHARS && imageCover >= FULL_COVER);
        }

        boolean blank() {
            return chars == 0 && imageCover == 0;
        }
    }

    private final OcrOptions options;

    PdfRecognition(OcrOptions options) {
        this.options = options;
    }

    /**
     * Reads the pages that need it by OCR, replacing their lines in {@code pages} (kept in page order); returns
     * what was done, or null when no page needed it.
     */
    OcrReading recognise(PDDocument pdf, List<PageLines> pages, List<PageContent> content) {
        List<Integer> wanted = new ArrayList<>();
        int scans = 0;
        for (PageContent c : content) {
            scans += c.scanned() ? 1 : 0;
            if (options.mode() == OcrMode.ALWAYS ? !c.blank() : c.scanned()) {
                wanted.add(c.page());
            }
        }
        String which = scans + " of " + pdf.getNumberOfPages() + (pdf.getNumberOfPages() == 1 ? " page is an image" : " pages are images")
                + " without text (a scan)";
        if (options.mode() == OcrMode.NEVER) {
            return scans == 0 ? null : OcrReading.unavailable(which + ", and OCR is off (--ocr never)");
        }
        if (wanted.isEmpty()) {
            return null;
        }
        Tesseract tesseract = new Tesseract(options.command(), options.language(), PAGE_TIMEOUT_MILLIS);
        Tesseract.Status status = tesseract.status();
        if (!status.usable()) {
            return OcrReading.unavailable(which + ", and " + status.problem());
        }
        PageRecognizer recognizer = new PageRecognizer(tesseract, options.dpi());
        List<Integer> read = new ArrayList<>();
        double confidence = 0;
        int words = 0;
        int dpi = options.dpi();
        String failure = null;
        for (int page : wanted) {
            PageRecognizer.Page scanned;
            try {
                scanned = recognizer.read(pdf, page - 1);
            } catch (IOException | RuntimeException e) {
                failure = "page " + page + ": " + e.getMessage();
                continue;
            }
            PDPage p = pdf.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            boolean turned = Math.floorMod(p.getRotation(), 180) == 90;
            double width = turned ? box.getHeight() : box.getWidth();
            double height = turned ? box.getWidth() : box.getHeight();
            PageLines lines = PdfReader.layout(page, width, height, PdfScans.glyphs(scanned), PdfScans.rules(scanned));
            pages.removeIf(l -> l.page() == page);
            pages.add(lines);
            read.add(page);
            dpi = scanned.dpi();
            for (PageRecognizer.Word w : scanned.words()) {
                confidence += w.confidence();
                words++;
            }
        }
        pages.sort(Comparator.comparingInt(PageLines::page));
        String unavailable = failure == null ? null : "OCR failed on " + (wanted.size() - read.size()) + " of "
                + wanted.size() + " pages (" + failure + ")";
        return new OcrReading(recognizer.engine(), dpi, read, words == 0 ? Double.NaN : confidence / words, unavailable);
    }
}
