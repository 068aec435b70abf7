package org.disclosure.extractor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;

/**
 * Writes small test PDFs with Chinese text at known places, as reports set it: a Type0 font with the GB1 character
 * collection and the UCS-2 code map, named after Noto Sans CJK SC (Debian's fonts-noto-cjk), which renderers then
 * draw it with. Each character of the CJK collection is one font size wide, Latin letters and digits half of it,
 * so the place of every glyph is known: character i of a run set at x stands from x + advance(0..i-1).
 */
final class CjkTestPdf {

    /** The Noto CJK font the pages are drawn with; a test that renders them fails where it is missing. */
    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    /** One run of text: its baseline's start in top-left page coordinates, its size. */
    record Run(String text, float x, float y, float size) {
        /** Left edge of character i. */
        float xAt(int i) {
            float at = x;
            for (int k = 0; k < i; k++) {
                at += advance(text.charAt(k)) * size;
            }
            return at;
        }
    }

    /** A straight rule from (x0, y0) to (x1, y1), top-left coordinates. */
    record Rule(float x0, float y0, float x1, float y1) {
    }

    static final float WIDTH = 595;
    static final float HEIGHT = 842;

    private final List<List<Run>> pages = new ArrayList<>();
    private final List<List<Rule>> rules = new ArrayList<>();
    private final List<Boolean> turned = new ArrayList<>();

    CjkTestPdf page() {
        pages.add(new ArrayList<>());
        rules.add(new ArrayList<>());
        turned.add(false);
        return this;
    }

    /**
     * A landscape page made as reports make them: a portrait page turned a quarter clockwise for display (/Rotate
     * 90), its text drawn turned the other way so it reads upright. Runs are placed in the displayed page's
     * top-left coordinates (842 wide, 595 high); rules are not supported on it.
     */
    CjkTestPdf turnedPage() {
        page();
        turned.set(turned.size() - 1, true);
        return this;
    }

    CjkTestPdf text(String text, float x, float y, float size) {
        pages.get(pages.size() - 1).add(new Run(text, x, y, size));
        return this;
    }

    CjkTestPdf rule(float x0, float y0, float x1, float y1) {
        rules.get(rules.size() - 1).add(new Rule(x0, y0, x1, y1));
        return this;
    }

    /** Half a font size for ASCII, a whole one for everything else (the font's widths say so). */
    static float advance(char c) {
        return c < 0x80 ? 0.5f : 1f;
    }

    void save(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            COSDictionary font = font();
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
                if (turned.get(p)) {
                    page.setRotation(90);
                }
                PDResources resources = new PDResources();
                resources.put(COSName.getPDFName("F1"), PDFontFactory.createFont(font));
                page.setResources(resources);
                PDStream content = new PDStream(doc);
                try (OutputStream out = content.createOutputStream()) {
                    out.write(content(pages.get(p), rules.get(p), turned.get(p)).getBytes(StandardCharsets.ISO_8859_1));
                }
                page.setContents(content);
                doc.addPage(page);
            }
            doc.save(file.toFile());
        }
    }

    private static String content(List<Run> runs, List<Rule> rules, boolean turned) {
        StringBuilder s = new StringBuilder();
        s.append("0.5 w\n");
        for (Rule r : rules) {
            s.append(String.format(Locale.ROOT, "%.2f %.2f m %.2f %.2f l S\n", r.x0(), HEIGHT - r.y0(), r.x1(), HEIGHT - r.y1()));
        }
        for (Run r : runs) {
            if (turned) {
                // displayed (x, y from the top) is (user y, user x) on a page turned a quarter clockwise
                s.append(String.format(Locale.ROOT, "BT /F1 %.2f Tf 0 1 -1 0 %.2f %.2f Tm <", r.size(), r.y(), r.x()));
            } else {
                s.append(String.format(Locale.ROOT, "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm <", r.size(), r.x(), HEIGHT - r.y()));
            }
            ByteArrayOutputStream codes = new ByteArrayOutputStream();
            byte[] bytes = r.text().getBytes(StandardCharsets.UTF_16BE);
            codes.write(bytes, 0, bytes.length);
            for (byte b : codes.toByteArray()) {
                s.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            s.append("> Tj ET\n");
        }
        return s.toString();
    }

    /** A Type0 font over the GB1 collection with UCS-2 codes; ASCII half-width, the rest full-width. */
    private static COSDictionary font() {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "NotoSansCJKsc-Regular");
        descriptor.setInt(COSName.FLAGS, 4);
        COSArray bbox = new COSArray();
        for (int v : new int[] {-1000, -200, 2000, 1000}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 700);
        descriptor.setInt(COSName.STEM_V, 80);

        COSDictionary info = new COSDictionary();
        info.setItem(COSName.REGISTRY, new COSString("Adobe"));
        info.setItem(COSName.ORDERING, new COSString("GB1"));
        info.setInt(COSName.SUPPLEMENT, 5);

        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cid.setName(COSName.BASE_FONT, "NotoSansCJKsc-Regular");
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSArray widths = new COSArray();
        // the GB1 collection's proportional (1-95) and half-width (814-939) Latin
        for (int[] range : new int[][] {{1, 95}, {814, 939}}) {
            widths.add(COSInteger.get(range[0]));
            widths.add(COSInteger.get(range[1]));
            widths.add(COSInteger.get(500));
        }
        cid.setItem(COSName.W, widths);

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, "NotoSansCJKsc-Regular");
        type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(cid);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        return type0;
    }

    static Path write(CjkTestPdf pdf, Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(folder);
        pdf.save(file);
        return file;
    }
}
