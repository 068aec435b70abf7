package org.disclosure.extractor.ingest;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosure.extractor.ingest.PdfLines.Glyph;
import org.disclosure.extractor.ingest.PdfLines.Line;
import org.disclosure.extractor.ingest.PdfLines.Rule;

/**
 * Reads a PDF into paragraph blocks in visual reading order, from PDFBox text positions.
 *
 * <p>Each page's glyphs are grouped into lines by baseline and sorted top to bottom, left to right
 * ({@link PdfLines}), so a wrapped line whose tail the content stream prints before its head still reads
 * in order. Lines are then joined into paragraphs: CJK text wraps anywhere, so lines are joined with no
 * space (one space only between two Latin letters). A new paragraph starts at a wider vertical gap, a
 * first-line indent, after a line that stopped short of the right margin although the next line's first
 * word would have fitted, at a heading marker (第一部分, 一、, （一）, 1.), or where the type changes
 * (size or weight). Lines that look like table rows are kept as blocks of their own: text split by
 * wide gaps or by the vertical rules of a ruled grid (collected from the page's painted paths), text
 * inside such a grid, and contents entries with dot leaders; their fragments are separated by one space.
 * Running page numbers in the page margins are dropped, superscripts are put back on their line, and a
 * paragraph cut by a page break is joined with its continuation on the next page.
 *
 * <p>All blocks are paragraphs; bold or larger type is marked {@code emphasised}. Text is not normalised.
 */
public final class PdfReader {

    private static final Pattern BOLD_NAME = Pattern.compile("(?i).*(bold|heavy|black|demi|semibold|,b$|-b$|粗).*");
    private static final Pattern HEI_NAME = Pattern.compile(
            "(?i).*(hei|黑|fzht|fzdh|xbs|xiaobiaosong|小标宋|zhongsong|中宋|gothic|yahei|雅黑).*");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern STYLE_SUFFIX = Pattern.compile(
            "[,\\-_ ]*(bold|italic|oblique|regular|light|medium|gb2312|gbk1-0|gb1-0|gbk|psmt|ps|mt)\\b");
    private static final Pattern GENERATED_NAME = Pattern.compile("(cidfont)?(f|t|tt|c|font)?\\d*|");

    /** What a font's name and descriptor say about its style. */
    private record FontStyle(boolean bold, boolean hei, String typeface) {
        static final FontStyle UNKNOWN = new FontStyle(false, false, "");
    }

    /** Reads a PDF into blocks in reading order. label = the path as the user gave it (goes into Document.file). */
    public Document read(Path file, String label) throws UnreadableDocumentException {
        // an encrypted PDF opens with the empty user password when it has only an owner password; its text is
        // then read whatever the permissions say (PDFBox does not enforce them on extraction)
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            if (title != null && title.isBlank()) {
                title = null;
            }
            LineCollector collector = new LineCollector();
            collector.getText(pdf);
            if (collector.failedPages > 0 && collector.pages.isEmpty()) {
                throw new UnreadableDocumentException("corrupt", label + ": not a readable PDF, no page could be read ("
                        + describe(collector.failure) + ") (skipped)", collector.failure);
            }
            List<Block> blocks = new PdfParagraphs(collector.pages).blocks();
            return Document.of(label, "pdf", pdf.getNumberOfPages(), title == null ? null : title.strip(), blocks);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("encrypted",
                    label + ": encrypted PDF, no text can be read without its password (skipped)", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("corrupt",
                    label + ": not a readable PDF (" + describe(e) + ") (skipped)", e);
        } catch (StackOverflowError e) {
            throw new UnreadableDocumentException("corrupt",
                    label + ": not a readable PDF (its structure nests too deeply) (skipped)");
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return "PDFBox: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip());
    }

    /** One page's lines, top to bottom. */
    record PageLines(int page, double width, double height, List<Line> lines) {
    }

    /**
     * Collects each page's glyphs after PDFBox has removed overprinted duplicates, turns them into lines and
     * lets the glyphs go before the next page.
     */
    private static final class LineCollector extends PDFTextStripper {
        final List<PageLines> pages = new ArrayList<>();
        int failedPages;
        Exception failure;
        private final Map<PDFont, FontStyle> fontStyles = new IdentityHashMap<>();
        /** Glyphs drawn filled and stroked: the usual way to fake bold with a regular font. */
        private final Map<TextPosition, Boolean> stroked = new IdentityHashMap<>();

        /** The path being built, as subpaths of device-space points (x, y, x, y, ...). */
        private final List<List<Float>> path = new ArrayList<>();
        /** Thin painted segments of the current page (x1, y1, x2, y2 in device space): table rules. */
        private final List<float[]> segments = new ArrayList<>();

        LineCollector() {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(true);
            setShouldSeparateByBeads(false);
            pathOperator("m", 2, (o, p) -> {
                path.add(new ArrayList<>(List.of(p.x, p.y)));
            });
            pathOperator("l", 2, (o, p) -> {
                if (path.isEmpty()) {
                    path.add(new ArrayList<>());
                }
                List<Float> sub = path.get(path.size() - 1);
                sub.add(p.x);
                sub.add(p.y);
            });
            for (String curve : List.of("c", "v", "y")) {
                // curves are never table rules: start a new subpath at their end point
                pathOperator(curve, curve.equals("c") ? 6 : 4, (o, p) -> path.add(new ArrayList<>(List.of(p.x, p.y))));
            }
            pathOperator("h", 0, (o, p) -> {
                if (!path.isEmpty() && path.get(path.size() - 1).size() >= 2) {
                    List<Float> sub = path.get(path.size() - 1);
                    sub.add(sub.get(0));
                    sub.add(sub.get(1));
                }
            });
            pathOperator("re", 4, (o, p) -> {
                float x = number(o, 0);
                float y = number(o, 1);
                float w = number(o, 2);
                float h = number(o, 3);
                List<Float> sub = new ArrayList<>();
                for (float[] c : new float[][] {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}) {
                    Point2D.Float d = transformedPoint(c[0], c[1]);
                    sub.add(d.x);
                    sub.add(d.y);
                }
                path.add(sub);
            });
            for (String stroke : List.of("S", "s")) {
                pathOperator(stroke, 0, (o, p) -> paint(true, false));
            }
            for (String fill : List.of("f", "F", "f*")) {
                pathOperator(fill, 0, (o, p) -> paint(false, true));
            }
            for (String both : List.of("B", "B*", "b", "b*")) {
                pathOperator(both, 0, (o, p) -> paint(true, true));
            }
            pathOperator("n", 0, (o, p) -> path.clear());
        }

        private interface PathStep {
            void apply(List<COSBase> operands, Point2D.Float lastPoint);
        }

        /** Registers a path operator; {@code lastPoint} is its last coordinate pair in device space. */
        private void pathOperator(String name, int operands, PathStep step) {
            addOperator(new OperatorProcessor(this) {
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
                            ? transformedPoint(number(args, operands - 2), number(args, operands - 1)) : null;
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

        /** Keeps the painted path's straight thin pieces as rules: stroked edges, and thin filled bars. */
        private void paint(boolean stroke, boolean fill) {
            for (List<Float> sub : path) {
                int n = sub.size() / 2;
                if (n < 2) {
                    continue;
                }
                if (stroke) {
                    for (int i = 1; i < n; i++) {
                        addSegment(sub.get(2 * i - 2), sub.get(2 * i - 1), sub.get(2 * i), sub.get(2 * i + 1));
                    }
                }
                if (fill) {
                    float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
                    for (int i = 0; i < n; i++) {
                        minX = Math.min(minX, sub.get(2 * i));
                        maxX = Math.max(maxX, sub.get(2 * i));
                        minY = Math.min(minY, sub.get(2 * i + 1));
                        maxY = Math.max(maxY, sub.get(2 * i + 1));
                    }
                    if (maxX - minX <= 2.5f) {
                        addSegment((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
                    } else if (maxY - minY <= 2.5f) {
                        addSegment(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
                    }
                }
            }
            path.clear();
        }

        private void addSegment(float x1, float y1, float x2, float y2) {
            boolean vertical = Math.abs(x1 - x2) <= 1.5f && Math.abs(y1 - y2) >= 4;
            boolean horizontal = Math.abs(y1 - y2) <= 1.5f && Math.abs(x1 - x2) >= 4;
            if ((vertical || horizontal) && segments.size() < 20_000) {
                segments.add(new float[] {x1, y1, x2, y2});
            }
        }

        /** The page's segments that run down the page in the text's frame (x to the right, y downwards). */
        private List<Rule> rules(PDRectangle box, int dir) {
            List<Rule> rules = new ArrayList<>();
            for (float[] s : segments) {
                double[] a = toText(s[0], s[1], box, dir);
                double[] b = toText(s[2], s[3], box, dir);
                if (Math.abs(a[0] - b[0]) <= 1.5 && Math.abs(a[1] - b[1]) >= 4) {
                    rules.add(new Rule((a[0] + b[0]) / 2, Math.min(a[1], b[1]), Math.max(a[1], b[1])));
                }
            }
            return rules;
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

        /** A page whose content cannot be read is skipped; the document fails only if every page does. */
        @Override
        public void processPage(PDPage page) throws IOException {
            try {
                super.processPage(page);
            } catch (IOException | RuntimeException e) {
                failedPages++;
                failure = e;
                stroked.clear();
                segments.clear();
                path.clear();
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
            if (mode == RenderingMode.FILL_STROKE || mode == RenderingMode.FILL_STROKE_CLIP) {
                stroked.put(text, Boolean.TRUE);
            }
            super.processTextPosition(text);
        }

        @Override
        protected void writePage() {
            PDPage page = getCurrentPage();
            PDRectangle box = page.getCropBox();
            double width = box.getWidth();
            double height = box.getHeight();
            List<Glyph> glyphs = new ArrayList<>();
            int[] dirs = new int[4];
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition t : article) {
                    String text = t.getUnicode();
                    if (text == null || text.isEmpty()) {
                        continue;
                    }
                    dirs[Math.floorMod(Math.round(t.getDir() / 90), 4)]++;
                    FontStyle style = style(t.getFont());
                    boolean bold = style.bold() || stroked.containsKey(t);
                    // the rendered size (font size through the text and transformation matrices), not the
                    // whole points PDFBox rounds getFontSizeInPt to
                    double size = t.getYScale();
                    if (!(size > 0 && size < 1000)) {
                        size = t.getFontSizeInPt();
                    }
                    glyphs.add(new Glyph(text, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size,
                            bold, style.hei(), style.typeface()));
                }
            }
            int dir = 0;
            for (int d = 1; d < 4; d++) {
                if (dirs[d] > dirs[dir]) {
                    dir = d;
                }
            }
            if (dir % 2 == 1) {
                double w = width;
                width = height;
                height = w;
            }
            List<Rule> rules = rules(box, dir * 90);
            stroked.clear();
            segments.clear();
            path.clear();
            pages.add(new PageLines(getCurrentPageNo(), width, height, PdfLines.lines(glyphs, rules, height)));
        }

        /** Bold, Hei-style and typeface of a font, by its name (GBK names decoded) and descriptor. */
        private FontStyle style(PDFont font) {
            if (font == null) {
                return FontStyle.UNKNOWN;
            }
            return fontStyles.computeIfAbsent(font, f -> {
                String name = fontName(f);
                PDFontDescriptor d = f.getFontDescriptor();
                boolean bold = BOLD_NAME.matcher(name).matches()
                        || (d != null && (d.isForceBold() || d.getFontWeight() >= 600));
                return new FontStyle(bold, HEI_NAME.matcher(name).matches(), typeface(name));
            });
        }

        /** "fangsong_gb2312,bold" and "fangsong" are one typeface; generated names (F1, CIDFont+F2) say nothing. */
        static String typeface(String name) {
            String family = STYLE_SUFFIX.matcher(name).replaceAll("").replaceAll("[^\\p{L}\\p{N}]", "");
            return GENERATED_NAME.matcher(family).matches() ? "" : family;
        }

        static String fontName(PDFont font) {
            String name = font.getName();
            if (name == null) {
                return "";
            }
            int plus = name.indexOf('+');
            if (plus == 6) {
                name = name.substring(plus + 1);
            }
            boolean bytes = !name.isEmpty();
            boolean high = false;
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                bytes &= c <= 0xFF;
                high |= c >= 0x80;
            }
            if (bytes && high) {
                // a Chinese font name stored as GBK bytes: ºÚÌå is 黑体
                name = new String(name.getBytes(StandardCharsets.ISO_8859_1), GB18030);
            }
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
