package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.ingest.PdfLattice.Segment;
import org.disclosure.extractor.ingest.PdfLines.Glyph;
import org.disclosure.extractor.ingest.ocr.OcrMisreadings;
import org.disclosure.extractor.ingest.ocr.PageRecognizer;

/**
 * Turns a page read by OCR into what {@link PdfReader} reads a text page from: glyphs on baselines and ruling
 * segments, in the same points. Each character keeps the box and confidence the recogniser gave it and stands on
 * its line's baseline; the type size comes from the height of the Chinese characters on the line (their ink is
 * about {@link #CJK_INK} of the size). The gap a recogniser leaves between the ink of neighbouring characters is
 * not a space: a character is made to reach the next one unless a cell wall or a gap as wide as those that part
 * table cells stands between them, so a number read as "101," "673." "03" is one number again, while columns stay
 * apart. Known misreadings of template words are put right ({@link OcrMisreadings}).
 */
final class PdfScans {

    /** Height of a Chinese character's ink as a share of its type size. */
    static final double CJK_INK = 0.88;
    /** Lines whose size is within this share of the page's body size are body text. */
    static final double SAME_SIZE = 0.15;

    private PdfScans() {
    }

    /** The glyphs of a recognised page, each with its ink box and the recogniser's confidence. */
    static List<Glyph> glyphs(PageRecognizer.Page page) {
        Map<Integer, List<PageRecognizer.Char>> lines = new LinkedHashMap<>();
        Map<Integer, Float> baselines = new LinkedHashMap<>();
        for (PageRecognizer.Word w : page.words()) {
            List<PageRecognizer.Char> line = lines.computeIfAbsent(w.line(), k -> new ArrayList<>());
            line.addAll(w.chars());
            baselines.merge(w.line(), w.baseline(), Math::max);
        }
        List<Glyph> out = new ArrayList<>();
        double body = bodySize(lines.values());
        OcrMisreadings misreadings = OcrMisreadings.load();
        for (Map.Entry<Integer, List<PageRecognizer.Char>> e : lines.entrySet()) {
            List<PageRecognizer.Char> line = inOrder(e.getValue());
            double size = size(line);
            if (!Double.isNaN(body) && Math.abs(size - body) <= SAME_SIZE * body) {
                // the ink of a few characters varies more than type sizes do: a body line stays body text
                size = body;
            }
            double baseline = baselines.get(e.getKey());
            int first = out.size();
            for (int i = 0; i < line.size(); i++) {
                PageRecognizer.Char c = line.get(i);
                double reach = c.x1();
                if (i + 1 < line.size()) {
                    PageRecognizer.Char next = line.get(i + 1);
                    double gap = next.x0() - c.x1();
                    if (gap > 0 && gap < PdfLines.FRAGMENT_GAP * size && !latinPair(c.text(), next.text())
                            && !wallBetween(page, c.x1(), next.x0(), (c.y0() + c.y1()) / 2)) {
                        reach = next.x0();
                    }
                }
                // a character far off the line's baseline (a recogniser's stray) keeps its own
                double y = Math.abs(c.y1() - baseline) <= size ? baseline : c.y1();
                Box box = new Box(page.page(), c.x0(), c.y0(), c.x1(), c.y1(), c.confidence());
                int[] cps = c.text().codePoints().toArray();
                double step = (reach - c.x0()) / cps.length;
                for (int k = 0; k < cps.length; k++) {
                    out.add(new Glyph(new String(Character.toChars(cps[k])), c.x0() + k * step, y, step, size,
                            false, false, "", box));
                }
            }
            correct(out.subList(first, out.size()), misreadings);
        }
        return out;
    }

    /**
     * A line's characters in the recogniser's reading order, each box ending where the next begins: the order is
     * right more often than the boxes, which are sometimes drawn far too wide (one character reaching over the
     * next three), and sorting by box would shuffle the characters.
     */
    static List<PageRecognizer.Char> inOrder(List<PageRecognizer.Char> line) {
        List<PageRecognizer.Char> out = new ArrayList<>(line.size());
        float floor = -Float.MAX_VALUE;
        for (int i = 0; i < line.size(); i++) {
            PageRecognizer.Char c = line.get(i);
            float x0 = Math.max(c.x0(), floor);
            float x1 = Math.max(c.x1(), x0 + 0.5f);
            for (int j = i + 1; j < line.size(); j++) {
                float next = line.get(j).x0();
                if (next > x0) {
                    x1 = Math.min(x1, next);
                    break;
                }
            }
            out.add(new PageRecognizer.Char(c.text(), x0, c.y0(), x1, c.y1(), c.confidence()));
            floor = x1;
        }
        return out;
    }

    /** Whether a vertical rule (a table's cell wall) stands between x0 and x1 at height y. */
    private static boolean wallBetween(PageRecognizer.Page page, double x0, double x1, double y) {
        for (PageRecognizer.Rule r : page.vertical()) {
            if (r.at() > x0 && r.at() < x1 && y >= r.from() && y <= r.to()) {
                return true;
            }
        }
        return false;
    }

    /** Two Latin letters keep the space between them. */
    private static boolean latinPair(String a, String b) {
        return isLatin(a.charAt(a.length() - 1)) && isLatin(b.charAt(0));
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * The page's body type size: from the median Chinese character's ink, NaN with few of them. Lines within
     * {@link #SAME_SIZE} of it are set in it.
     */
    private static double bodySize(java.util.Collection<List<PageRecognizer.Char>> lines) {
        double[] heights = lines.stream().flatMap(List::stream).filter(c -> isCjk(c.text().codePointAt(0)))
                .mapToDouble(c -> c.y1() - c.y0()).sorted().toArray();
        return heights.length < 10 ? Double.NaN : heights[heights.length / 2] / CJK_INK;
    }

    /** A line's type size in points: from the height of its Chinese characters, else from its tallest character. */
    private static double size(List<PageRecognizer.Char> line) {
        double[] heights = line.stream().filter(c -> isCjk(c.text().codePointAt(0)))
                .mapToDouble(c -> c.y1() - c.y0()).sorted().toArray();
        if (heights.length == 0) {
            // digits and Latin capitals stand about 0.7 of the type size
            return Math.max(3, line.stream().mapToDouble(c -> c.y1() - c.y0()).max().orElse(10) / 0.7);
        }
        // the lower quartile: a recogniser draws some boxes taller than the ink, never shorter
        return Math.max(3, heights[heights.length / 4] / CJK_INK);
    }

    private static boolean isCjk(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Puts right the known misreadings of a line's glyphs (one character each), in place; a dropped one goes. */
    private static void correct(List<Glyph> line, OcrMisreadings misreadings) {
        StringBuilder text = new StringBuilder();
        for (Glyph g : line) {
            text.append(g.text().length() == 1 ? g.text() : "\uFFFD");
        }
        OcrMisreadings.Corrected corrected = misreadings.corrected(text.toString());
        if (corrected.text().contentEquals(text)) {
            return;
        }
        List<Glyph> out = new ArrayList<>(corrected.source().length);
        for (int i = 0; i < corrected.source().length; i++) {
            Glyph g = line.get(corrected.source()[i]);
            char c = corrected.text().charAt(i);
            out.add(g.text().length() == 1 && c != g.text().charAt(0)
                    ? new Glyph(String.valueOf(c), g.x(), g.y(), g.width(), g.size(), g.bold(), g.hei(), g.typeface(), g.box())
                    : g);
        }
        line.clear();
        line.addAll(out);
    }

    /** The page's rules as the segments PdfTables reads grids from: horizontal, then vertical. */
    static List<List<Segment>> rules(PageRecognizer.Page page) {
        return List.of(page.horizontal().stream().map(r -> new Segment(r.at(), r.from(), r.to())).toList(),
                page.vertical().stream().map(r -> new Segment(r.at(), r.from(), r.to())).toList());
    }
}
