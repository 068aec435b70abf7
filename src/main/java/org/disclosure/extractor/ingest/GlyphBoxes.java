package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each character of a text read from a PDF is drawn: for character i of the text it runs parallel to, the
 * page and the rectangle of its glyph ({@link Box} coordinates), or nothing for a character the reader put in
 * (a space between fragments, a line break) or a glyph not drawn upright on the rendered page. Kept as plain
 * arrays, four floats and one int a character, so a long report costs little; immutable.
 */
public final class GlyphBoxes {

    private static final int[] NO_PAGES = new int[0];
    private static final float[] NO_COORDS = new float[0];
    public static final GlyphBoxes EMPTY = new GlyphBoxes(NO_PAGES, NO_COORDS, NO_COORDS);

    /** Page of each character, 0 where it has no glyph. */
    private final int[] pages;
    /** x0, y0, x1, y1 of each character. */
    private final float[] coords;
    /** The recognition engine's confidence in each character read by OCR, NaN for text the PDF holds. */
    private final float[] confidence;

    private GlyphBoxes(int[] pages, float[] coords, float[] confidence) {
        this.pages = pages;
        this.coords = coords;
        this.confidence = confidence;
    }

    /** Number of characters covered: the length of the text these boxes run parallel to. */
    public int length() {
        return pages.length;
    }

    /** Whether character {@code i} has a glyph box. */
    public boolean drawn(int i) {
        return pages[i] > 0;
    }

    /** The box of character {@code i}, or null where it has none. */
    public Box box(int i) {
        if (pages[i] <= 0) {
            return null;
        }
        return new Box(pages[i], coords[4 * i], coords[4 * i + 1], coords[4 * i + 2], coords[4 * i + 3], confidence[i]);
    }

    /**
     * The lowest recognition confidence among characters {@code start} to {@code end} (exclusive) read by OCR,
     * or NaN when none of them was (the PDF holds their text).
     */
    public float confidence(int start, int end) {
        float min = Float.NaN;
        for (int i = Math.max(0, start); i < Math.min(end, pages.length); i++) {
            float c = confidence[i];
            if (pages[i] > 0 && !Float.isNaN(c) && !(c >= min)) {
                min = c;
            }
        }
        return min;
    }

    /**
     * The boxes of characters {@code start} to {@code end} (exclusive): one box a line, consecutive glyph boxes on
     * the same line of the same page merged (a merged box's confidence is its lowest). Characters without a glyph
     * are passed over.
     */
    public List<Box> boxes(int start, int end) {
        List<Box> out = new ArrayList<>();
        int from = Math.max(0, start);
        int to = Math.min(end, pages.length);
        int page = 0;
        float x0 = 0;
        float y0 = 0;
        float x1 = 0;
        float y1 = 0;
        float conf = Float.NaN;
        for (int i = from; i < to; i++) {
            int p = pages[i];
            if (p <= 0) {
                continue;
            }
            float a = coords[4 * i];
            float b = coords[4 * i + 1];
            float c = coords[4 * i + 2];
            float d = coords[4 * i + 3];
            float middle = (b + d) / 2;
            boolean sameLine = page == p && middle >= y0 && middle <= y1 && a >= x0 - 0.5f * (d - b);
            if (sameLine) {
                x0 = Math.min(x0, a);
                y0 = Math.min(y0, b);
                x1 = Math.max(x1, c);
                y1 = Math.max(y1, d);
                conf = lower(conf, confidence[i]);
                continue;
            }
            if (page > 0) {
                out.add(new Box(page, x0, y0, x1, y1, conf));
            }
            page = p;
            x0 = a;
            y0 = b;
            x1 = c;
            y1 = d;
            conf = confidence[i];
        }
        if (page > 0) {
            out.add(new Box(page, x0, y0, x1, y1, conf));
        }
        return out;
    }

    private static float lower(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
    }

    /** Characters {@code from} to {@code to} (exclusive). */
    public GlyphBoxes slice(int from, int to) {
        return new GlyphBoxes(Arrays.copyOfRange(pages, from, to), Arrays.copyOfRange(coords, 4 * from, 4 * to),
                Arrays.copyOfRange(confidence, from, to));
    }

    /**
     * The boxes of a text derived from this one character by character: character i of the new text is drawn
     * where character {@code source[i]} of this one is, or nowhere where {@code source[i]} is negative.
     */
    public GlyphBoxes select(int[] source) {
        int[] p = new int[source.length];
        float[] c = new float[4 * source.length];
        float[] k = new float[source.length];
        Arrays.fill(k, Float.NaN);
        for (int i = 0; i < source.length; i++) {
            int s = source[i];
            if (s >= 0 && s < pages.length) {
                p[i] = pages[s];
                System.arraycopy(coords, 4 * s, c, 4 * i, 4);
                k[i] = confidence[s];
            }
        }
        return new GlyphBoxes(p, c, k);
    }

    /** Builds the boxes of a text as the text is built, character by character. */
    public static final class Builder {
        private int[] pages = new int[16];
        private float[] coords = new float[64];
        private float[] confidence = new float[16];
        private int n;

        /** {@code chars} characters of one glyph: each gets its share of the glyph's width. */
        public Builder glyph(Box box, int chars) {
            if (box == null) {
                return none(chars);
            }
            float w = box.width() / chars;
            for (int k = 0; k < chars; k++) {
                put(box.page(), box.x0() + k * w, box.y0(), k == chars - 1 ? box.x1() : box.x0() + (k + 1) * w, box.y1(),
                        box.confidence());
            }
            return this;
        }

        /** {@code chars} characters drawn nowhere (put in by the reader). */
        public Builder none(int chars) {
            for (int k = 0; k < chars; k++) {
                put(0, 0, 0, 0, 0, Float.NaN);
            }
            return this;
        }

        /** All characters of another text's boxes, in order. */
        public Builder append(GlyphBoxes other) {
            grow(other.length());
            System.arraycopy(other.pages, 0, pages, n, other.length());
            System.arraycopy(other.coords, 0, coords, 4 * n, 4 * other.length());
            System.arraycopy(other.confidence, 0, confidence, n, other.length());
            n += other.length();
            return this;
        }

        public int length() {
            return n;
        }

        private void put(int page, float x0, float y0, float x1, float y1, float conf) {
            grow(1);
            pages[n] = page;
            coords[4 * n] = x0;
            coords[4 * n + 1] = y0;
            coords[4 * n + 2] = x1;
            coords[4 * n + 3] = y1;
            confidence[n] = conf;
            n++;
        }

        private void grow(int more) {
            if (n + more > pages.length) {
                int size = Math.max(pages.length * 2, n + more);
                pages = Arrays.copyOf(pages, size);
                coords = Arrays.copyOf(coords, 4 * size);
                confidence = Arrays.copyOf(confidence, size);
            }
        }

        public GlyphBoxes build() {
            return n == 0 ? EMPTY : new GlyphBoxes(Arrays.copyOf(pages, n), Arrays.copyOf(coords, 4 * n),
                    Arrays.copyOf(confidence, n));
        }
    }
}
