package org.disclosure.extractor.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads pages of a PDF from their images: renders a page in grey at the chosen resolution, finds its ruling
 * lines, wipes them, and lets Tesseract read the rest. Everything comes back in PDF points on the rendered page
 * (origin top left, as {@link org.disclosure.extractor.ingest.Box}), so the words and rules go on to the same
 * line, paragraph and table reading as a text PDF's glyphs and painted rules.
 */
public final class PageRecognizer {

    /** Pages are rendered with at most this many pixels (a poster-sized page gets a lower resolution). */
    private static final long MAX_PIXELS = 60_000_000L;
    /**
     * Tesseract's page segmentation: one uniform block of text (6). Its own layout analysis (3, the default) was
     * seen to merge a heading with the line under it into one garbled word; the columns of tables need no help
     * from it, as the words' boxes place them.
     */
    private static final int SEGMENTATION = 6;

    /** A word, in points: its box, confidence and characters, the line it is on (numbered) and that line's baseline. */
    public record Word(String text, float x0, float y0, float x1, float y1, float confidence, List<Char> chars,
                       int line, float baseline) {
    }

    /** One character of a word, in points. */
    public record Char(String text, float x0, float y0, float x1, float y1, float confidence) {
    }

    /** A ruling line in points: at {@code at} (y across, x down), from {@code from} to {@code to}. */
    public record Rule(double at, double from, double to) {
    }

    /** One page read from its image: its words and its table rules. */
    public record Page(int page, int dpi, List<Word> words, List<Rule> horizontal, List<Rule> vertical) {

        /** Mean word confidence, NaN without words. */
        public double confidence() {
            return words.stream().mapToDouble(Word::confidence).average().orElse(Double.NaN);
        }
    }

    private final Tesseract tesseract;
    private final int dpi;
    /** One renderer for the pages of a document (it keeps the fonts and images it has loaded). */
    private PDFRenderer renderer;
    private PDDocument rendered;

    public PageRecognizer(Tesseract tesseract, int dpi) {
        this.tesseract = tesseract;
        this.dpi = dpi;
    }

    /** Reads page {@code index} (0-based) of the document. */
    public Page read(PDDocument pdf, int index) throws IOException {
        var box = pdf.getPage(index).getCropBox();
        int rotation = Math.floorMod(pdf.getPage(index).getRotation(), 180);
        double wPt = rotation == 90 ? box.getHeight() : box.getWidth();
        double hPt = rotation == 90 ? box.getWidth() : box.getHeight();
        int useDpi = dpi;
        while (useDpi > 72 && (wPt * useDpi / 72) * (hPt * useDpi / 72) > MAX_PIXELS) {
            useDpi -= 25;
        }
        if (renderer == null || rendered != pdf) {
            renderer = new PDFRenderer(pdf);
            rendered = pdf;
        }
        BufferedImage grey = renderer.renderImageWithDPI(index, useDpi, ImageType.GRAY);
        return read(grey, index + 1, useDpi);
    }

    /** Reads a page image rendered at {@code dpi} (8-bit grey). */
    public Page read(BufferedImage grey, int pageNo, int imageDpi) throws IOException {
        ImageRules.Found rules = ImageRules.find(grey, imageDpi);
        BufferedImage clean = rules.horizontal().isEmpty() && rules.vertical().isEmpty() ? grey : ImageRules.wipe(grey, rules);
        List<OcrWord> words = tesseract.words(clean, SEGMENTATION);
        double pt = 72.0 / imageDpi;
        List<Word> out = new ArrayList<>(words.size());
        for (OcrWord w : words) {
            List<Char> chars = new ArrayList<>(w.chars().size());
            for (OcrWord.OcrChar c : w.chars()) {
                chars.add(new Char(c.text(), (float) (c.left() * pt), (float) (c.top() * pt), (float) (c.right() * pt),
                        (float) (c.bottom() * pt), c.confidence()));
            }
            out.add(new Word(w.text(), (float) (w.left() * pt), (float) (w.top() * pt), (float) (w.right() * pt),
                    (float) (w.bottom() * pt), w.confidence(), chars, w.line(), (float) (w.baseline() * pt)));
        }
        return new Page(pageNo, imageDpi, out, points(rules.horizontal(), pt), points(rules.vertical(), pt));
    }

    private static List<Rule> points(List<ImageRules.Rule> rules, double pt) {
        return rules.stream().map(r -> new Rule(r.at() * pt, r.from() * pt, r.to() * pt)).toList();
    }

    public String engine() {
        return tesseract.engine();
    }

    public Tesseract tesseract() {
        return tesseract;
    }
}
