package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.text.DocumentNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glyph boxes a PDF's text keeps through reading and normalisation, on pages written with Chinese text at
 * known places ({@link CjkTestPdf}): the boxes of a span enclose exactly the glyphs of its characters, in a
 * paragraph and in a table cell, also where normalisation changed the text (full-width digits, a space inside a
 * number).
 */
class GlyphBoxesTest {

    private static final float SIZE = 12;
    /** Where boxes may differ from the glyphs' places (PDFBox's float arithmetic). */
    private static final float SLACK = 0.05f;

    @TempDir
    Path dir;

    @Test
    void boxOfAFigureInAParagraphEnclosesExactlyItsGlyphs() throws Exception {
        String sentence = "2025年部门支出合计456.78万元，比上年增加12.5万元。";
        CjkTestPdf pdf = new CjkTestPdf().page().text(sentence, 72, 120, SIZE);
        Block b = paragraph(read(pdf), "456.78");
        int at = b.text().indexOf("456.78");
        CjkTestPdf.Run run = new CjkTestPdf.Run(sentence, 72, 120, SIZE);
        int k = sentence.indexOf("456.78");
        assertOneBox(b.boxes(at, at + 6), 1, run.xAt(k), run.xAt(k + 6), 120);
        int yuan = b.text().indexOf("12.5万元");
        int kYuan = sentence.indexOf("12.5万元");
        assertOneBox(b.boxes(yuan, yuan + 6), 1, run.xAt(kYuan), run.xAt(kYuan + 6), 120);
    }

    @Test
    void fullWidthDigitsNormalisedKeepTheirGlyphs() throws Exception {
        String sentence = "一般公共预算财政拨款支出１２３．４５万元。";
        CjkTestPdf pdf = new CjkTestPdf().page().text(sentence, 90, 200, SIZE);
        Block b = paragraph(read(pdf), "123.45");
        assertThat(b.text()).isEqualTo("一般公共预算财政拨款支出123.45万元。");
        int at = b.text().indexOf("123.45");
        CjkTestPdf.Run run = new CjkTestPdf.Run(sentence, 90, 200, SIZE);
        int k = sentence.indexOf("１２３");
        // six full-width glyphs, one font size each
        assertOneBox(b.boxes(at, at + 6), 1, run.xAt(k), run.xAt(k + 6), 200);
        assertThat(run.xAt(k + 6) - run.xAt(k)).isEqualTo(6 * SIZE);
        int han = b.text().indexOf("万元");
        assertOneBox(b.boxes(han, han + 2), 1, run.xAt(k + 6), run.xAt(k + 8), 200);
    }

    @Test
    void aSpaceInsideANumberRemovedKeepsTheBoxesOfItsDigits() throws Exception {
        // "14,770" and ".62万元" printed with a gap: read as "14,770 .62", normalised to "14,770.62"
        String head = "公用经费14,770";
        CjkTestPdf.Run first = new CjkTestPdf.Run(head, 72, 300, SIZE);
        float tailX = first.xAt(head.length()) + 0.7f * SIZE;
        CjkTestPdf pdf = new CjkTestPdf().page().text(head, 72, 300, SIZE).text(".62万元。", tailX, 300, SIZE);
        Document raw = new PdfReader().read(write(pdf), "gap.pdf");
        assertThat(raw.blocks().get(0).text()).isEqualTo("公用经费14,770 .62万元。");
        Block b = paragraph(DocumentNormalizer.normalize(raw), "14,770.62");
        int at = b.text().indexOf("14,770.62");
        CjkTestPdf.Run tail = new CjkTestPdf.Run(".62万元。", tailX, 300, SIZE);
        List<Box> boxes = b.boxes(at, at + 9);
        assertOneBox(boxes, 1, first.xAt(4), tail.xAt(3), 300);
    }

    @Test
    void aSpanOverTwoLinesHasOneBoxALine() throws Exception {
        String line1 = "本年度一般公共预算财政拨款基本支出决算为一千二百三十四点五六万元其中人员经费合计1,2";
        String line2 = "34.56万元，比上年增加。";
        CjkTestPdf pdf = new CjkTestPdf().page().text(line1, 60, 400, SIZE).text(line2, 60, 418, SIZE);
        Block b = paragraph(read(pdf), "1,234.56");
        int at = b.text().indexOf("1,234.56");
        List<Box> boxes = b.boxes(at, at + 8);
        CjkTestPdf.Run r1 = new CjkTestPdf.Run(line1, 60, 400, SIZE);
        CjkTestPdf.Run r2 = new CjkTestPdf.Run(line2, 60, 418, SIZE);
        assertThat(boxes).hasSize(2);
        assertBox(boxes.get(0), 1, r1.xAt(line1.length() - 3), r1.xAt(line1.length()), 400);
        assertBox(boxes.get(1), 1, r2.xAt(0), r2.xAt(5), 418);
    }

    @Test
    void aFigureInARuledTableCellHasTheBoxOfItsGlyphs() throws Exception {
        CjkTestPdf pdf = new CjkTestPdf().page();
        float[] xs = {60, 260, 400, 540};
        float[] ys = {100, 124, 148, 172};
        for (float y : ys) {
            pdf.rule(xs[0], y, xs[3], y);
        }
        for (float x : xs) {
            pdf.rule(x, ys[0], x, ys[3]);
        }
        String[][] cells = {{"项目", "预算数", "决算数"}, {"一般公共服务支出", "1,234.56", "１２３．４５"}, {"合计", "1,234.56", "123.45"}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                pdf.text(cells[r][c], xs[c] + 4, ys[r] + 17, 10);
            }
        }
        Document doc = read(pdf);
        Block table = doc.tables().get(0);
        Cell budget = table.table().rows().get(1).get(1);
        assertThat(budget.text()).isEqualTo("1,234.56");
        CjkTestPdf.Run run = new CjkTestPdf.Run("1,234.56", xs[1] + 4, ys[1] + 17, 10);
        assertOneBox(budget.boxes(0, 8), 1, run.xAt(0), run.xAt(8), ys[1] + 17, 10);
        assertOneBox(budget.boxes(2, 5), 1, run.xAt(2), run.xAt(5), ys[1] + 17, 10);
        Cell actual = table.table().rows().get(1).get(2);
        assertThat(actual.text()).isEqualTo("123.45");
        CjkTestPdf.Run wide = new CjkTestPdf.Run("１２３．４５", xs[2] + 4, ys[1] + 17, 10);
        assertOneBox(actual.boxes(0, 6), 1, wide.xAt(0), wide.xAt(6), ys[1] + 17, 10);
    }

    @Test
    void boxesOnTheSecondPageNameIt() throws Exception {
        CjkTestPdf pdf = new CjkTestPdf().page().text("第一部分部门概况。", 72, 100, SIZE)
                .page().text("三公经费支出合计8.5万元。", 72, 100, SIZE);
        Block b = paragraph(read(pdf), "8.5万元");
        int at = b.text().indexOf("8.5");
        assertThat(b.boxes(at, at + 3)).singleElement().extracting(Box::page).isEqualTo(2);
    }

    @Test
    void onAPageTurnedForDisplayBoxesAreWhereTheTextIsShown() throws Exception {
        String sentence = "项目支出合计2,345.67万元。";
        CjkTestPdf pdf = new CjkTestPdf().turnedPage().text(sentence, 100, 150, SIZE);
        Block b = paragraph(read(pdf), "2,345.67");
        int at = b.text().indexOf("2,345.67");
        CjkTestPdf.Run run = new CjkTestPdf.Run(sentence, 100, 150, SIZE);
        int k = sentence.indexOf("2,345.67");
        assertOneBox(b.boxes(at, at + 8), 1, run.xAt(k), run.xAt(k + 8), 150);
    }

    @Test
    void textSetSidewaysHasNoBoxes() throws Exception {
        // the turned page's text on a page that is not turned: it reads bottom to top, as a vertical label does;
        // it is read, but where its characters stand is not claimed
        Path file = write(new CjkTestPdf().turnedPage().text("合计88.5万元。", 100, 150, SIZE));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            pdf.getPage(0).setRotation(0);
            pdf.save(dir.resolve("sideways.pdf").toFile());
        }
        Document doc = DocumentNormalizer.normalize(new PdfReader().read(dir.resolve("sideways.pdf"), "sideways.pdf"));
        Block b = paragraph(doc, "88.5");
        assertThat(b.boxes(0, b.text().length())).isEmpty();
    }

    private Document read(CjkTestPdf pdf) throws Exception {
        return DocumentNormalizer.normalize(new PdfReader().read(write(pdf), "test.pdf"));
    }

    private Path write(CjkTestPdf pdf) throws Exception {
        return CjkTestPdf.write(pdf, dir, "test.pdf");
    }

    private static Block paragraph(Document doc, String holding) {
        return doc.blocks().stream().filter(b -> !b.isTable() && b.text().contains(holding)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph holds " + holding + ": " + doc.blocks()));
    }

    private static void assertOneBox(List<Box> boxes, int page, float x0, float x1, float baseline) {
        assertOneBox(boxes, page, x0, x1, baseline, SIZE);
    }

    private static void assertOneBox(List<Box> boxes, int page, float x0, float x1, float baseline, float size) {
        assertThat(boxes).hasSize(1);
        assertBox(boxes.get(0), page, x0, x1, baseline, size);
    }

    private static void assertBox(Box b, int page, float x0, float x1, float baseline) {
        assertBox(b, page, x0, x1, baseline, SIZE);
    }

    /** The box runs from the first glyph's left edge to the last one's right, from ascent to descent. */
    private static void assertBox(Box b, int page, float x0, float x1, float baseline, float size) {
        assertThat(b.page()).isEqualTo(page);
        assertThat(b.x0()).isCloseTo(x0, within(SLACK));
        assertThat(b.x1()).isCloseTo(x1, within(SLACK));
        assertThat(b.y0()).isCloseTo(baseline - 0.88f * size, within(SLACK));
        assertThat(b.y1()).isCloseTo(baseline + 0.12f * size, within(SLACK));
    }
}
