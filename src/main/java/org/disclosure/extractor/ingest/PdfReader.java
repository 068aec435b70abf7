package org.disclosure.extractor.ingest;

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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosure.extractor.ingest.PdfLattice.Segment;
import org.disclosure.extractor.ingest.PdfLines.Glyph;
import org.disclosure.extractor.ingest.PdfLines.Line;
import org.disclosure.extractor.ingest.PdfLines.Rule;
import org.disclosure.extractor.ingest.PdfTables.PageTable;
import org.disclosure.extractor.ingest.ocr.OcrOptions;

/**
 * Reads a PDF into paragraph and table blocks in visual reading order, from PDFBox text positions.
 *
 * <p>Ruled tables come first: the page's painted rules and clip ({@link PdfRulings}) give its tables' grids
 * ({@link PdfLattice}), and the glyphs inside a grid become its cells ({@link PdfTables}); a table continued on
 * the next page is a table block on each page. The other glyphs are grouped into lines by baseline and sorted
 * top to bottom, left to right ({@link PdfLines}), so a wrapped line whose tail the content stream prints
 * before its head still reads in order. Lines are then joined into paragraphs ({@link PdfParagraphs}): CJK text
 * wraps anywhere, so lines are joined with no space (one space only between two Latin letters). A new paragraph
 * starts at a wider vertical gap, a first-line indent, after a line that stopped short of the right margin
 * although the next line's first word would have fitted, at a heading marker (第一部分, 一、, （一）, 1.), or where
 * the type changes (size or weight). A run of lines split into cells by wide gaps, most with figures, is a table
 * without rules ({@link PdfColumns}); other lines that look like table rows are kept as blocks of their own (text
 * split by wide gaps or by vertical rules, contents entries with dot leaders), their fragments separated by one
 * space. Running page numbers in the page margins are dropped, superscripts are put back on their line, and a
 * paragraph cut by a page break is joined with its continuation on the next page.
 *
 * <p>Bold or larger type is marked {@code emphasised}. Text is not normalised.
 */
public final class PdfReader {

    private static final Pattern BOLD_NAME = Pattern.compile("(?i).*(bold|heavy|black|demi|semibold|,b$|-b$|粗).*");
    private static final Pattern HEI_NAME = Pattern.compile(
            "(?i).*(hei|黑|fzht|fzdh|xbs|xiaobiaosong|小标宋|zhongsong|中宋|gothic|yahei|雅黑).*");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Ascent and descent of CJK type (its em box) as shares of the size, where a font does not give its own. */
    private static final float[] DEFAULT_METRICS = {0.88f, 0.12f};
    private static final Pattern STYLE_SUFFIX = Pattern.compile(
            "[,\\-_ ]*(bold|italic|oblique|regular|light|medium|gb2312|gbk1-0|gb1-0|gbk|psmt|ps|mt)\\b");
    private static final Pattern GENERATED_NAME = Pattern.compile("(cidfont)?(f|t|tt|c|font)?\\d*|");

    /** What a font's name and descriptor say about its style. */
    private record FontStyle(boolean bold, boolean hei, String typeface) {
        static final FontStyle UNKNOWN = new FontStyle(false, false, "");
    }

    private final OcrOptions ocr;

    /** A reader that OCRs pages without a text layer when Tesseract is installed. */
    public PdfReader() {
        this(OcrOptions.DEFAULT);
    }

    /** @param ocr when and how pages without a text layer are read by OCR */
    public PdfReader(OcrOptions ocr) {
        this.ocr = ocr;
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
            OcrReading reading = new PdfRecognition(ocr).recognise(pdf, collector.pages, collector.content);
            List<Block> blocks = new PdfParagraphs(collector.pages).blocks();
            Document doc = Document.of(label, "pdf", pdf.getNumberOfPages(), title == null ? null : title.strip(), blocks)
                    .withOcr(reading);
            String damage = damage(file, pdf, collector);
            if (damage == null) {
                return doc;
            }
            if (doc.blocks().stream().allMatch(bl -> !bl.isTable() && bl.text().isBlank())) {
                throw new UnreadableDocumentException("corrupt", label + ": not a readable PDF, " + damage
                        + " and no text can be read from what is left (skipped)");
            }
            return doc.withDamage(damage);
        } catch (InvalidPasswordException e) {
            throw encrypted(label, e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(label, e);
        } catch (StackOverflowError e) {
            throw corrupt(label, null);
        }
    }

    /** The error for a PDF that cannot be opened without its password. */
    static UnreadableDocumentException encrypted(String label, Exception e) {
        return new UnreadableDocumentException("encrypted",
                label + ": encrypted PDF, no text can be read without its password (skipped)", e);
    }

    /** The error for a PDF PDFBox cannot read ({@code e} null: its structure nests too deeply). */
    static UnreadableDocumentException corrupt(String label, Exception e) {
        if (e == null) {
            return new UnreadableDocumentException("corrupt",
                    label + ": not a readable PDF (its structure nests too deeply) (skipped)");
        }
        return new UnreadableDocumentException("corrupt", label + ": not a readable PDF (" + describe(e) + ") (skipped)", e);
    }

    /** Everything found wrong with the file, in a sentence, or null when it is whole. */
    private static String damage(Path file, PDDocument pdf, LineCollector collector) throws IOException {
        List<String> found = new ArrayList<>();
        if (truncated(file)) {
            found.add("truncated PDF (it stops before its end-of-file marker)");
        } else {
            String xref = PdfDamage.crossReference(file);
            if (xref != null) {
                found.add("damaged PDF: " + xref);
            }
        }
        if (collector.failedPages > 0) {
            found.add(collector.failedPages + " of " + pdf.getNumberOfPages() + " pages could not be read ("
                    + describe(collector.failure) + ")");
        }
        List<Integer> corrupt = PdfDamage.corruptPages(pdf);
        if (!corrupt.isEmpty()) {
            found.add("the compressed content of page" + (corrupt.size() == 1 ? " " : "s ")
                    + corrupt.stream().limit(10).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (corrupt.size() > 10 ? " and " + (corrupt.size() - 10) + " more" : "")
                    + " is corrupt (only what could be decompressed is read)");
        }
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** How far from the end the %%EOF marker of a whole PDF stands at most (trailing whitespace or junk). */
    private static final int EOF_WINDOW = 2048;
    /** Bytes a whole PDF may carry after its last %%EOF (some writers append a little padding). */
    private static final int EOF_TRAILING = 256;

    /** Whether the file stops short of its end-of-file marker: cut off in a download or a copy. */
    static boolean truncated(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            long size = ch.size();
            int n = (int) Math.min(size, EOF_WINDOW);
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(n);
            ch.position(size - n);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the whole tail
            }
            String text = new String(tail.array(), 0, tail.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
            int eof = text.lastIndexOf("%%EOF");
            // an earlier revision's marker (incremental updates) with much more after it is no end either
            return eof < 0 || text.substring(eof + 5).strip().length() > EOF_TRAILING;
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

    /**
     * One page laid out from its glyphs and ruling segments (horizontal, vertical): ruled tables, then lines with
     * unruled tables among them. The same for a text page and a page read by OCR.
     */
    static PageLines layout(int page, double width, double height, List<Glyph> glyphs, List<List<Segment>> rules) {
        PdfTables.Split split = PdfTables.split(glyphs, rules.get(0), rules.get(1));
        List<Rule> walls = rules.get(1).stream().map(v -> new Rule(v.at(), v.from(), v.to())).toList();
        PdfColumns.Split unruled = PdfColumns.split(PdfLines.lines(split.rest(), walls, height), split.tables());
        return new PageLines(page, width, height, unruled.lines(), unruled.tables());
    }

    /** One page's lines, top to bottom, and its tables (whose text is not among the lines). */
    record PageLines(int page, double width, double height, List<Line> lines, List<PageTable> tables) {
        PageLines(int page, double width, double height, List<Line> lines) {
            this(page, width, height, lines, List.of());
        }

        PageLines withLines(List<Line> kept) {
            return new PageLines(page, width, height, kept, tables);
        }
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
        private final Map<PDFont, float[]> fontMetrics = new IdentityHashMap<>();
        /** Glyphs drawn filled and stroked: the usual way to fake bold with a regular font. */
        private final Map<TextPosition, Boolean> stroked = new IdentityHashMap<>();

        /** The page's rules and clip. */
        private final PdfRulings rulings;
        /** The images the page draws. */
        private final PdfImages images;
        /** What each page read holds: its glyphs and how much of it images cover. */
        final List<PdfRecognition.PageContent> content = new ArrayList<>();

        LineCollector() {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(true);
            setShouldSeparateByBeads(false);
            rulings = PdfRulings.track(this);
            images = PdfImages.track(this);
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
                rulings.reset();
                images.take(0);
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (!rulings.visible(text)) {
                return;
            }
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
            int rotation = Math.floorMod(page.getRotation(), 360);
            int pageNo = getCurrentPageNo();
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
                            bold, style.hei(), style.typeface(), box(t, pageNo, rotation, size)));
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
            List<List<Segment>> rules = rulings.take(box, dir * 90);
            stroked.clear();
            int drawn = (int) glyphs.stream().filter(g -> !g.text().isBlank()).count();
            content.add(new PdfRecognition.PageContent(pageNo, drawn, images.take(box.getWidth() * box.getHeight())));
            pages.add(layout(getCurrentPageNo(), width, height, glyphs, rules));
        }

        /**
         * Where a glyph is drawn on the rendered page: from its baseline up by the font's ascent and down by its
         * descent. Only for a glyph that stands upright on the rendered page (its direction is the page's
         * rotation), whose direction-adjusted coordinates are then the rendered page's; null for others.
         */
        private Box box(TextPosition t, int page, int rotation, double size) {
            if (Math.round(t.getDir()) % 360 != rotation) {
                return null;
            }
            float x = t.getXDirAdj();
            float y = t.getYDirAdj();
            float w = t.getWidthDirAdj();
            if (!Float.isFinite(x) || !Float.isFinite(y) || !(w >= 0) || !(size > 0)) {
                return null;
            }
            float[] metrics = metrics(t.getFont());
            return new Box(page, x, (float) (y - metrics[0] * size), x + w, (float) (y + metrics[1] * size));
        }

        /** A font's ascent and descent as shares of its size (CJK type's em box where the font does not say). */
        private float[] metrics(PDFont font) {
            if (font == null) {
                return DEFAULT_METRICS;
            }
            return fontMetrics.computeIfAbsent(font, f -> {
                PDFontDescriptor d = f.getFontDescriptor();
                if (d == null) {
                    return DEFAULT_METRICS;
                }
                float ascent = d.getAscent() / 1000f;
                float descent = -d.getDescent() / 1000f;
                return new float[] {ascent >= 0.6f && ascent <= 1.1f ? ascent : DEFAULT_METRICS[0],
                        descent >= 0.05f && descent <= 0.4f ? descent : DEFAULT_METRICS[1]};
            });
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
