package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.disclosure.extractor.ingest.ocr.Tesseract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scanned page read by OCR comes out as a text page does: a heading, a sentence with its figures, and a ruled
 * table as a table block whose cells hold their text; every character read carries the recogniser's confidence.
 * A text page is left to its text layer, and without OCR (off, or Tesseract missing) a scan says why it is unread.
 * Needs Tesseract with chi_sim (.ci/run installs it): the test fails, never skips, without it.
 */
class ScannedPdfReaderTest {

    @TempDir
    static Path dir;
    static Path scan;

    /** A page printed in Noto Serif CJK (fonts-noto-cjk) and scanned at 200 dpi: a heading, a sentence, a ruled table. */
    @BeforeAll
    static void pages() throws Exception {
        int dpi = 200;
        float scale = dpi / 72f;
        BufferedImage page = new BufferedImage(Math.round(595 * scale), Math.round(842 * scale), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.scale(scale, scale);
        text(g, "三、部门收支总体情况", 72, 90, 16);
        text(g, "本年收入预算1,935.36万元，本年支出预算1,935.36万元。", 72, 130, 12);
        text(g, "项目", 80, 200, 11);
        text(g, "本年预算", 300, 200, 11);
        text(g, "一、基本支出", 80, 226, 11);
        text(g, "1,517.95", 300, 226, 11);
        text(g, "二、项目支出", 80, 252, 11);
        text(g, "417.41", 300, 252, 11);
        g.setStroke(new BasicStroke(0.75f));
        for (float y : new float[] {182, 208, 234, 260}) {
            g.draw(new Line2D.Float(70, y, 450, y));
        }
        for (float x : new float[] {70, 290, 450}) {
            g.draw(new Line2D.Float(x, 182, x, 260));
        }
        g.dispose();
        scan = imageOnly(List.of(page), dir.resolve("scan.pdf"));
    }

    private static void text(Graphics2D g, String text, float x, float baseline, float size) {
        g.setFont(new Font("Noto Serif CJK SC", Font.PLAIN, 1).deriveFont(size));
        g.drawString(text, x, baseline);
    }

    /** A PDF of A4 pages, each holding only one of the images (a scan): no text layer. */
    static Path imageOnly(List<BufferedImage> images, Path target) throws Exception {
        try (PDDocument out = new PDDocument()) {
            for (BufferedImage img : images) {
                PDPage page = new PDPage(new PDRectangle(595, 842));
                out.addPage(page);
                var image = LosslessFactory.createFromImage(out, img);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    cs.drawImage(image, 0, 0, 595, 842);
                }
            }
            out.save(target.toFile());
        }
        return target;
    }

    @Test
    void tesseractWithTheChineseModelIsInstalled() {
        Tesseract.Status status = new Tesseract("tesseract", "chi_sim", 30_000).status();
        assertThat(status.problem()).as("Tesseract with chi_sim (" + Tesseract.INSTALL + ")").isNull();
    }

    @Test
    void aScannedPageReadsAsItsTextPageDoes() throws Exception {
        Document doc = new PdfReader(OcrOptions.DEFAULT).read(scan, "scan.pdf");
        assertThat(doc.ocr()).isNotNull();
        assertThat(doc.ocr().pages()).containsExactly(1);
        assertThat(doc.ocr().unavailable()).isNull();
        assertThat(doc.ocr().engine()).startsWith("tesseract").endsWith("chi_sim");
        assertThat(doc.ocr().confidence()).isBetween(50.0, 100.0);
        String all = doc.text().replace(" ", "");
        assertThat(all).contains("部门收支总体情况").contains("本年收入预算1,935.36万元").contains("本年支出预算1,935.36万元");

        Block table = doc.blocks().stream().filter(Block::isTable).findFirst().orElseThrow();
        List<List<String>> rows = table.table().rows().stream()
                .map(r -> r.stream().map(c -> c.text().replace(" ", "")).toList()).toList();
        assertThat(rows).containsExactly(List.of("项目", "本年预算"), List.of("一、基本支出", "1,517.95"),
                List.of("二、项目支出", "417.41"));

        Block sentence = doc.blocks().stream().filter(b -> b.text().contains("1,935.36")).findFirst().orElseThrow();
        int at = sentence.text().indexOf("1,935.36");
        assertThat(sentence.glyphs()).isNotNull();
        float confidence = sentence.glyphs().confidence(at, at + 8);
        assertThat(confidence).as("confidence of the figure").isBetween(1f, 100f);
        Box box = sentence.boxes(at, at + 8).get(0);
        assertThat(box.ocr()).isTrue();
        // where the figure stands on the text page: 本年收入预算 is six characters at 12 pt from x = 72
        assertThat(box.x0()).isBetween(72 + 6 * 12 - 4f, 72 + 6 * 12 + 4f);
        assertThat(box.y1()).isBetween(120f, 136f);
    }

    @Test
    void aTextPageIsReadFromItsTextLayerUnlessOcrIsAlways() throws Exception {
        Path text = Path.of("../shared/corpus/real/北京市司法局-2026-部门预算.pdf");
        Document auto = new PdfReader(OcrOptions.DEFAULT).read(text, "text.pdf");
        assertThat(auto.ocr()).isNull();
        // always: every page is read from its image (the first two pages only, to keep the test short)
        Path firstPages = dir.resolve("first.pdf");
        try (PDDocument in = Loader.loadPDF(text.toFile())) {
            while (in.getNumberOfPages() > 2) {
                in.removePage(2);
            }
            in.save(firstPages.toFile());
        }
        Document always = new PdfReader(OcrOptions.of(OcrMode.ALWAYS)).read(firstPages, "first.pdf");
        assertThat(always.ocr().pages()).containsExactly(1, 2);
        assertThat(always.text().replace(" ", "")).contains("第一部分2026年度部门预算情况说明").contains("司法局");
    }

    @Test
    void withoutOcrAScanSaysWhyItIsUnread() throws Exception {
        Document off = new PdfReader(OcrOptions.OFF).read(scan, "scan.pdf");
        assertThat(off.blocks()).isEmpty();
        assertThat(off.ocr().pages()).isEmpty();
        assertThat(off.ocr().unavailable()).isEqualTo("1 of 1 page is an image without text (a scan), and OCR is off (--ocr never)");

        OcrOptions missing = new OcrOptions(OcrMode.AUTO, dir.resolve("no-such-tesseract").toString(), "chi_sim", 300);
        Document unread = new PdfReader(missing).read(scan, "scan.pdf");
        assertThat(unread.blocks()).isEmpty();
        assertThat(unread.ocr().unavailable()).contains("Tesseract is not installed").contains(Tesseract.INSTALL);

        OcrOptions noModel = new OcrOptions(OcrMode.AUTO, "tesseract", "xx_none", 300);
        assertThat(new PdfReader(noModel).read(scan, "scan.pdf").ocr().unavailable())
                .contains("Tesseract has no xx_none model");
    }
}
