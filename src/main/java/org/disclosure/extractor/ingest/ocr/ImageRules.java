package org.disclosure.extractor.ingest.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ruling lines of tables on a page image: long, thin, straight runs of dark pixels, across or down the page.
 * They give a scanned table its grid as the painted rules give a text PDF's, and are wiped from the image before
 * recognition, where they would otherwise be read as 一, 丨 or 1.
 *
 * <p>A horizontal rule is at least {@link #ACROSS_MM} long; a vertical one at least {@link #DOWN_MM}, and it must
 * meet a horizontal rule at one end or be long ({@link #LONE_DOWN_MM}) — so that the strokes of large type (a
 * title's 丨) are not taken for the walls of a table. Both are at most {@link #THICK_MM} thick: a filled block
 * (a shaded header) is no rule. Gaps of a pixel or two, as scans and anti-aliasing leave, are bridged.
 */
public final class ImageRules {

    /**
     * Pixels darker than this are ink of a rule. Light: tables are often ruled in grey hairlines (about 190 once
     * rendered), and a rule is told from everything else by being long, thin and straight, not by being dark; a
     * grey paper tone fills whole areas, which are too thick to be rules.
     */
    static final int INK = 215;
    static final double ACROSS_MM = 10;
    static final double DOWN_MM = 5;
    static final double LONE_DOWN_MM = 15;
    static final double THICK_MM = 1.0;
    /** Gap in a rule that is bridged, in pixels. */
    private static final int GAP = 2;

    /** A rule in pixels: at {@code at} (y of a horizontal, x of a vertical), from {@code from} to {@code to}, {@code thickness} wide. */
    public record Rule(int at, int from, int to, int thickness) {
        public int length() {
            return to - from;
        }
    }

    /** The rules found, horizontal and vertical. */
    public record Found(List<Rule> horizontal, List<Rule> vertical) {
    }

    private ImageRules() {
    }

    /** The rules of an 8-bit grey image rendered at {@code dpi}. */
    public static Found find(BufferedImage grey, int dpi) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        double perMm = dpi / 25.4;
        int thick = Math.max(2, (int) Math.round(THICK_MM * perMm));
        List<Rule> across = merge(runs(px, w, h, true, (int) Math.round(ACROSS_MM * perMm)), thick);
        List<Rule> down = merge(runs(px, w, h, false, (int) Math.round(DOWN_MM * perMm)), thick);
        int touch = (int) Math.round(1.5 * perMm);
        int lone = (int) Math.round(LONE_DOWN_MM * perMm);
        List<Rule> walls = new ArrayList<>();
        for (Rule v : down) {
            if (v.length() >= lone || meets(v.from(), v.at(), across, touch) || meets(v.to(), v.at(), across, touch)) {
                walls.add(v);
            }
        }
        return new Found(across, walls);
    }

    /** Whether a horizontal rule passes near point (x, y). */
    private static boolean meets(int y, int x, List<Rule> across, int tolerance) {
        for (Rule r : across) {
            if (Math.abs(r.at() - y) <= tolerance && x >= r.from() - tolerance && x <= r.to() + tolerance) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the image with the rules painted white (a pixel beyond their edges too). */
    public static BufferedImage wipe(BufferedImage grey, Found rules) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.setData(grey.getRaster());
        byte[] px = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        int w = copy.getWidth();
        int h = copy.getHeight();
        for (Rule r : rules.horizontal()) {
            fill(px, w, h, r.from() - 1, r.at() - r.thickness() / 2 - 1, r.to() + 1, r.at() + (r.thickness() + 1) / 2 + 1);
        }
        for (Rule r : rules.vertical()) {
            fill(px, w, h, r.at() - r.thickness() / 2 - 1, r.from() - 1, r.at() + (r.thickness() + 1) / 2 + 1, r.to() + 1);
        }
        return copy;
    }

    private static void fill(byte[] px, int w, int h, int x0, int y0, int x1, int y1) {
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                px[y * w + x] = (byte) 0xFF;
            }
        }
    }

    /** Runs of ink at least {@code min} long along each row ({@code rows}) or column, as one-pixel-thick rules. */
    private static List<Rule> runs(byte[] px, int w, int h, boolean rows, int min) {
        List<Rule> out = new ArrayList<>();
        int lines = rows ? h : w;
        int along = rows ? w : h;
        for (int l = 0; l < lines; l++) {
            int start = -1;
            int lastInk = -1;
            for (int i = 0; i <= along; i++) {
                boolean ink = i < along && (px[rows ? l * w + i : i * w + l] & 0xFF) < INK;
                if (ink) {
                    if (start < 0 || i - lastInk > GAP + 1) {
                        if (start >= 0 && lastInk - start + 1 >= min) {
                            out.add(new Rule(l, start, lastInk + 1, 1));
                        }
                        start = i;
                    }
                    lastInk = i;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= min) {
                out.add(new Rule(l, start, lastInk + 1, 1));
            }
        }
        return out;
    }

    /**
     * Runs on neighbouring rows (columns) that overlap become one rule, at their middle; rules thicker than
     * {@code thick} are filled areas and dropped.
     */
    private static List<Rule> merge(List<Rule> runs, int thick) {
        List<int[]> open = new ArrayList<>(); // first, last, from, to
        List<Rule> out = new ArrayList<>();
        for (Rule r : runs) {
            int[] joined = null;
            for (int[] o : open) {
                if (r.at() - o[1] <= 1 && Math.min(o[3], r.to()) - Math.max(o[2], r.from())
                        >= 0.5 * Math.min(o[3] - o[2], r.length())) {
                    joined = o;
                    break;
                }
            }
            if (joined == null) {
                open.add(new int[] {r.at(), r.at(), r.from(), r.to()});
            } else {
                joined[1] = r.at();
                joined[2] = Math.min(joined[2], r.from());
                joined[3] = Math.max(joined[3], r.to());
            }
            for (int i = open.size() - 1; i >= 0; i--) {
                int[] o = open.get(i);
                if (r.at() - o[1] > 1) {
                    close(o, thick, out);
                    open.remove(i);
                }
            }
        }
        open.forEach(o -> close(o, thick, out));
        out.sort(Comparator.comparingInt(Rule::at).thenComparingInt(Rule::from));
        return out;
    }

    private static void close(int[] o, int thick, List<Rule> out) {
        int thickness = o[1] - o[0] + 1;
        if (thickness <= thick) {
            out.add(new Rule((o[0] + o[1]) / 2, o[2], o[3], thickness));
        }
    }
}
