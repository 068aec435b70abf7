package org.disclosure.extractor.ingest;

import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.TextPosition;
import org.disclosure.extractor.ingest.PdfLattice.Segment;

/**
 * What a text stripper does not see of a page's graphics, for {@link PdfReader}: the straight thin lines it
 * paints (table rules: stroked edges, and thin filled bars; white ones do not count, see {@link PdfColours}) and
 * the clip, so that text a table cell clips away (an overflowing cell, the part of a row shown on the page
 * before) is not read.
 */
final class PdfRulings {

    /** A filled rectangle thinner than this (pt) is a rule. */
    private static final float BAR = 2.5f;
    /** A segment this far (pt) from level is still horizontal (vertical). */
    private static final float SLANT = 1.5f;
    /** Shorter segments are not rules (dotted lines, hatching, glyph-like marks). */
    private static final float SHORTEST = 4;
    /** A page with more segments than this is a drawing: the rest are ignored. */
    private static final int MOST = 20_000;

    private final PDFStreamEngine engine;
    /** The path being built, as subpaths of device-space points (x, y, x, y, ...). */
    private final List<List<Float>> path = new ArrayList<>();
    /** Thin painted segments of the current page (x1, y1, x2, y2 in device space). */
    private final List<float[]> segments = new ArrayList<>();
    /** A W or W* was given: the path clips once it is painted or ended. */
    private boolean clipPending;

    private PdfRulings(PDFStreamEngine engine) {
        this.engine = engine;
    }

    /** Starts following the engine's path and colour operators. */
    static PdfRulings track(PDFStreamEngine engine) {
        PdfRulings r = new PdfRulings(engine);
        r.operator("m", 2, (o, p) -> r.path.add(new ArrayList<>(List.of(p.x, p.y))));
        r.operator("l", 2, (o, p) -> {
            if (r.path.isEmpty()) {
                r.path.add(new ArrayList<>());
            }
            List<Float> sub = r.path.get(r.path.size() - 1);
            sub.add(p.x);
            sub.add(p.y);
        });
        for (String curve : List.of("c", "v", "y")) {
            // curves are never table rules: start a new subpath at their end point
            r.operator(curve, curve.equals("c") ? 6 : 4, (o, p) -> r.path.add(new ArrayList<>(List.of(p.x, p.y))));
        }
        r.operator("h", 0, (o, p) -> {
            if (!r.path.isEmpty() && r.path.get(r.path.size() - 1).size() >= 2) {
                List<Float> sub = r.path.get(r.path.size() - 1);
                sub.add(sub.get(0));
                sub.add(sub.get(1));
            }
        });
        r.operator("re", 4, (o, p) -> r.rectangle(number(o, 0), number(o, 1), number(o, 2), number(o, 3)));
        for (String stroke : List.of("S", "s")) {
            r.operator(stroke, 0, (o, p) -> r.paint(true, false));
        }
        for (String fill : List.of("f", "F", "f*")) {
            r.operator(fill, 0, (o, p) -> r.paint(false, true));
        }
        for (String both : List.of("B", "B*", "b", "b*")) {
            r.operator(both, 0, (o, p) -> r.paint(true, true));
        }
        r.operator("n", 0, (o, p) -> r.paint(false, false));
        for (String clip : List.of("W", "W*")) {
            r.operator(clip, 0, (o, p) -> r.clipPending = true);
        }
        PdfColours.track(engine);
        return r;
    }

    private interface PathStep {
        void apply(List<COSBase> operands, Point2D.Float lastPoint);
    }

    /** Registers a path operator; {@code lastPoint} is its last coordinate pair in device space. */
    private void operator(String name, int operands, PathStep step) {
        engine.addOperator(new OperatorProcessor(engine) {
            @Override
            public void process(Operator operator, List<COSBase> args) {
                if (args.size() < operands) {
                    return;
                }
                for (int i = 0; i < operands; i++) {
                    if (!(args.get(i) instanceof COSNumber)) {
                        return;
                    }
                }
                Point2D.Float last = operands >= 2 && !name.equals("re")
                        ? engine.transformedPoint(number(args, operands - 2), number(args, operands - 1)) : null;
                step.apply(args, last);
            }

            @Override
            public String getName() {
                return name;
            }
        });
    }

    private static float number(List<COSBase> args, int i) {
        return ((COSNumber) args.get(i)).floatValue();
    }

    private void rectangle(float x, float y, float w, float h) {
        List<Float> sub = new ArrayList<>(10);
        for (float[] c : new float[][] {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}) {
            Point2D.Float d = engine.transformedPoint(c[0], c[1]);
            sub.add(d.x);
            sub.add(d.y);
        }
        path.add(sub);
    }

    /** Ends the path: keeps its straight thin pieces as rules, and clips to it where W asked for that. */
    private void paint(boolean stroke, boolean fill) {
        // white rules are a spreadsheet's gridlines under its visible borders, or erase them
        stroke &= !PdfColours.isWhite(engine.getGraphicsState().getStrokingColor());
        fill &= !PdfColours.isWhite(engine.getGraphicsState().getNonStrokingColor());
        float[] all = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (List<Float> sub : path) {
            int n = sub.size() / 2;
            float[] box = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int i = 0; i < n; i++) {
                include(box, sub.get(2 * i), sub.get(2 * i + 1));
                include(all, sub.get(2 * i), sub.get(2 * i + 1));
            }
            if (n < 2) {
                continue;
            }
            if (stroke) {
                for (int i = 1; i < n; i++) {
                    addSegment(sub.get(2 * i - 2), sub.get(2 * i - 1), sub.get(2 * i), sub.get(2 * i + 1));
                }
            }
            if (fill && box[2] - box[0] <= BAR) {
                addSegment((box[0] + box[2]) / 2, box[1], (box[0] + box[2]) / 2, box[3]);
            } else if (fill && box[3] - box[1] <= BAR) {
                addSegment(box[0], (box[1] + box[3]) / 2, box[2], (box[1] + box[3]) / 2);
            }
        }
        if (clipPending && all[0] <= all[2]) {
            // the clip's bounding box: clips are rectangles (cells, pages, form boxes) in the reports that matter
            engine.getGraphicsState().intersectClippingPath(
                    new GeneralPath(new Rectangle2D.Float(all[0], all[1], all[2] - all[0], all[3] - all[1])));
        }
        clipPending = false;
        path.clear();
    }

    private static void include(float[] box, float x, float y) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
    }

    private void addSegment(float x1, float y1, float x2, float y2) {
        boolean vertical = Math.abs(x1 - x2) <= SLANT && Math.abs(y1 - y2) >= SHORTEST;
        boolean horizontal = Math.abs(y1 - y2) <= SLANT && Math.abs(x1 - x2) >= SHORTEST;
        if ((vertical || horizontal) && segments.size() < MOST) {
            segments.add(new float[] {x1, y1, x2, y2});
        }
    }

    /** Whether the glyph shows: a point just inside it lies within the clip (1pt of slack). */
    boolean visible(TextPosition glyph) {
        Point2D.Float p = glyph.getTextMatrix().transformPoint(0.3f, 0.3f);
        for (Path2D clip : engine.getGraphicsState().getCurrentClippingPaths()) {
            Rectangle2D b = clip.getBounds2D();
            if (p.x < b.getMinX() - 1 || p.x > b.getMaxX() + 1 || p.y < b.getMinY() - 1 || p.y > b.getMaxY() + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The page's rules in the text's frame (x to the right, y downwards; {@code dir} the text's rotation): the
     * horizontal ones, then the vertical ones. Forgets them, ready for the next page.
     */
    List<List<Segment>> take(PDRectangle box, int dir) {
        List<Segment> horizontal = new ArrayList<>();
        List<Segment> vertical = new ArrayList<>();
        for (float[] s : segments) {
            double[] a = toText(s[0], s[1], box, dir);
            double[] b = toText(s[2], s[3], box, dir);
            if (Math.abs(a[0] - b[0]) <= SLANT && Math.abs(a[1] - b[1]) >= SHORTEST) {
                vertical.add(new Segment((a[0] + b[0]) / 2, Math.min(a[1], b[1]), Math.max(a[1], b[1])));
            } else if (Math.abs(a[1] - b[1]) <= SLANT && Math.abs(a[0] - b[0]) >= SHORTEST) {
                horizontal.add(new Segment((a[1] + b[1]) / 2, Math.min(a[0], b[0]), Math.max(a[0], b[0])));
            }
        }
        reset();
        return List.of(horizontal, vertical);
    }

    /** Forgets the page (after it failed to read). */
    void reset() {
        segments.clear();
        path.clear();
        clipPending = false;
    }

    /** Device space to PDFBox's text-direction-adjusted coordinates (as TextPosition#getXDirAdj/getYDirAdj). */
    private static double[] toText(float x, float y, PDRectangle box, int dir) {
        double px = x - box.getLowerLeftX();
        double py = y - box.getLowerLeftY();
        double w = box.getWidth();
        double h = box.getHeight();
        return switch (dir) {
            case 90 -> new double[] {py, px};
            case 180 -> new double[] {w - px, py};
            case 270 -> new double[] {h - py, w - px};
            default -> new double[] {px, h - py};
        };
    }
}
