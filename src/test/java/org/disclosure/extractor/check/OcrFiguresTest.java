package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.RecordExtractor;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.Source;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.GlyphBoxes;
import org.disclosure.extractor.ingest.OcrReading;
import org.disclosure.extractor.ingest.Table;
import org.disclosure.extractor.outline.Outline;
import org.junit.jupiter.api.Test;

/**
 * A real final accounts report (corpus 000, 三公 on page 5: 决算2.82万元 = 出国0 + 车辆0.82 + 接待2) read as if its pages
 * were scanned: its glyphs given an OCR confidence. A 三公 total that does not add up then sets the total aside as an
 * alternate with a warning, never an error; the same report from its text layer keeps today's error.
 */
class OcrFiguresTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final RecordExtractor EXTRACTOR = new RecordExtractor();
    private static final ReportChecks CHECKS = new ReportChecks();
    private static final Path REPORT = Path.of("../shared/corpus/rendered/000_efef604f64877e59.pdf");
    private static final String TOTAL = "2022年“三公”经费财政拨款支出决算为2.82万元";

    private static Document report() throws Exception {
        return PIPELINE.read(REPORT, REPORT.toString());
    }

    /** The document with the first paragraph holding {@code from} changed to hold {@code to} (same length). */
    private static Document planted(Document doc, String from, String to) {
        assertThat(to).hasSameSizeAs(from);
        List<Block> blocks = new ArrayList<>();
        boolean done = false;
        for (Block b : doc.blocks()) {
            if (!done && !b.isTable() && b.text().contains(from)) {
                b = b.withText(b.text().replace(from, to), b.glyphs());
                done = true;
            }
            blocks.add(b);
        }
        assertThat(done).as("the words to change are in the report: " + from).isTrue();
        return doc.withBlocks(blocks);
    }

    /** The document as OCR would have read it: every glyph of {@code pages} recognised with {@code confidence}. */
    private static Document scanned(Document doc, Set<Integer> pages, float confidence) {
        return scanned(doc, pages, confidence, b -> true);
    }

    /** As {@link #scanned(Document, Set, float)}, for the blocks {@code recognised} says OCR read only. */
    private static Document scanned(Document doc, Set<Integer> pages, float confidence,
                                    java.util.function.Predicate<Block> recognised) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b.page() == null || !pages.contains(b.page()) || !recognised.test(b)) {
                blocks.add(b);
            } else if (b.isTable()) {
                blocks.add(b.withTable(new Table(b.table().rows().stream().map(row -> row.stream()
                        .map(c -> new Cell(c.text(), c.rowSpan(), c.colSpan(), recognised(c.glyphs(), confidence))).toList())
                        .toList())));
            } else {
                blocks.add(b.withText(b.text(), recognised(b.glyphs(), confidence)));
            }
        }
        return doc.withBlocks(blocks).withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.copyOf(pages),
                confidence, null));
    }

    private static GlyphBoxes recognised(GlyphBoxes glyphs, float confidence) {
        if (glyphs == null) {
            return null;
        }
        GlyphBoxes.Builder b = new GlyphBoxes.Builder();
        for (int i = 0; i < glyphs.length(); i++) {
            Box x = glyphs.box(i);
            b.glyph(x == null ? null : new Box(x.page(), x.x0(), x.y0(), x.x1(), x.y1(), confidence), 1);
        }
        return b.build();
    }

    private static ReportRecord checked(Document doc) {
        var tree = Outline.build(doc);
        ReportRecord record = EXTRACTOR.extract(doc, tree, new Source(doc.file(), "", doc.format(), doc.pages(), null, doc.ocr()));
        return CHECKS.checked(doc, tree, record);
    }

    private static List<Finding> threePublic(ReportRecord r) {
        return r.findings().stream().filter(f -> f.values().stream().anyMatch(v -> v.key().startsWith("three_public")
                || v.key().startsWith("table:three_public"))).toList();
    }

    private static Set<Integer> allPages(Document doc) {
        Set<Integer> pages = new java.util.TreeSet<>();
        for (int p = 1; p <= doc.pages(); p++) {
            pages.add(p);
        }
        return pages;
    }

    @Test
    void aScannedThreePublicTotalThatDoesNotAddUpIsSetAsideWithAWarningNotAnError() throws Exception {
        Document doc = planted(report(), TOTAL, TOTAL.replace("2.82", "3.82"));
        ReportRecord r = checked(scanned(doc, allPages(doc), 91f));
        assertThat(r.field("three_public.actual")).isEmpty();
        assertThat(r.alternates()).anyMatch(v -> v.key().equals("three_public.actual")
                && ((BigDecimal) v.value()).compareTo(new BigDecimal("3.82")) == 0 && v.provenance().ocr());
        assertThat(r.findings()).noneMatch(Finding::isError);
        List<Finding> f = threePublic(r);
        assertThat(f).isNotEmpty().allMatch(x -> x.severity().equals("warning"));
        assertThat(f).anyMatch(x -> x.messageZh().contains("由OCR识别") && x.messageZh().contains("留作备选值")
                && x.messageEn().contains("may be misread"));
        // the parts the total was checked against are no worse for it: they still fill their fields
        assertThat(r.field("three_public.reception")).isPresent();
    }

    @Test
    void theSameReportFromItsTextLayerStillAccusesWithAnError() throws Exception {
        Document doc = planted(report(), TOTAL, TOTAL.replace("2.82", "3.82"));
        ReportRecord r = checked(doc);
        assertThat(r.field("three_public.actual")).map(FieldValue::value).hasValueSatisfying(
                v -> assertThat((BigDecimal) v).isEqualByComparingTo("3.82"));
        assertThat(threePublic(r)).anyMatch(Finding::isError);
        assertThat(r.findings()).noneMatch(x -> x.messageZh().contains("OCR"));
    }

    @Test
    void aFindingWithOneTextLayerAndOneOcrValueIsAWarning() throws Exception {
        String planted = TOTAL.replace("2.82", "3.82");
        Document text = planted(report(), TOTAL, planted);
        // the sentence with the total keeps its text layer; the sentence with the parts was read by OCR
        ReportRecord r = checked(scanned(text, allPages(text), 91f, b -> !b.text().contains(planted)));
        List<Finding> mixed = threePublic(r).stream().filter(f -> f.values().stream().anyMatch(v -> v.provenance().ocr())
                && f.values().stream().anyMatch(v -> !v.provenance().ocr())).toList();
        assertThat(mixed).isNotEmpty().allMatch(f -> f.severity().equals("warning"));
        assertThat(r.findings()).noneMatch(Finding::isError);
        // the text layer's total is trusted as today; the OCR'd parts it disagrees with are set aside
        assertThat(r.field("three_public.actual")).isPresent();
        assertThat(r.field("three_public.reception")).isEmpty();
    }

    @Test
    void aScannedReportThatAddsUpKeepsItsFigures() throws Exception {
        Document doc = report();
        ReportRecord text = checked(doc);
        ReportRecord scan = checked(scanned(doc, allPages(doc), 91f));
        assertThat(scan.fields()).extracting(FieldValue::key, FieldValue::value)
                .containsExactlyElementsOf(text.fields().stream()
                        .map(v -> org.assertj.core.groups.Tuple.tuple(v.key(), v.value())).toList());
        assertThat(scan.fields()).allMatch(v -> v.provenance().ocr());
    }

    @Test
    void anUnsureFigureNoCheckConfirmsIsSetAsideButOneACheckConfirmsStays() throws Exception {
        Document doc = report();
        ReportRecord r = checked(scanned(doc, allPages(doc), 40f));
        // the 三公 total adds up from its parts: confirmed, it stays however unsure the engine was
        assertThat(r.field("three_public.actual")).isPresent();
        // the department's name and the year stand as read on the cover and in titles: confirmed too
        assertThat(r.field("doc.department")).isPresent();
        assertThat(r.field("doc.fiscal_year")).isPresent();
        Finding unconfirmed = r.findings().stream().filter(f -> f.rule().equals(OcrFigures.UNCONFIRMED)).findFirst()
                .orElseThrow();
        assertThat(unconfirmed.severity()).isEqualTo("info");
        assertThat(unconfirmed.values()).isNotEmpty().allMatch(v -> r.field(v.key()).isEmpty()
                && r.alternates().contains(v));
        assertThat(unconfirmed.messageZh()).contains("置信度40", "未填入字段");
    }

    @Test
    void anOcrIncreaseLargerThanTheYearsFigureIsSetAsideHoweverSureTheEngineWas() {
        String sentence = "2022年，机关运行经费支出117.2万元，比2021年增加6942万元。"; // 69.42 with its point lost
        FieldValue actual = new FieldValue("operating_expenses.actual", new BigDecimal("117.2"), "万元",
                new Provenance("a.pdf", 6, null, sentence, 14, 22, "r", List.of(), 98.9f));
        FieldValue change = new FieldValue("operating_expenses.change", new BigDecimal("6942"), "万元",
                new Provenance("a.pdf", 6, null, sentence, 30, 36, "r", List.of(), 98.8f));
        ReportRecord r = OcrFigures.load(new ConsistencyChecker(), new TableArithmetic(TableChecks.load()))
                .gate(Document.of("a.pdf", "pdf", 6, null, List.of()), new ReportRecord(new Source("a.pdf", "", "pdf", 6),
                        List.of(actual, change), null));
        assertThat(r.fields()).containsExactly(actual);
        assertThat(r.alternates()).containsExactly(change);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(OcrFigures.UNCONFIRMED);
            assertThat(f.messageZh()).contains("机关运行经费", "6942", "增加额大于本年数");
        });
    }

    @Test
    void aTextLayerRecordPassesUnchanged() {
        FieldValue total = new FieldValue("three_public.actual", new BigDecimal("3.82"), "万元",
                new Provenance("a.pdf", 5, null, "“三公”经费支出3.82万元", 8, 12, "r"));
        Finding sum = new Finding("sum/three_public.items", "error", "不等", "differs", List.of(total), null, null, null);
        ReportRecord record = new ReportRecord(new Source("a.pdf", "", "pdf", 5), List.of(total), null, List.of(),
                List.of(), List.of(sum));
        assertThat(OcrFigures.load(new ConsistencyChecker(), new TableArithmetic(TableChecks.load())).gate(Document.of("a.pdf", "pdf", 5, null, List.of()), record))
                .isEqualTo(record);
    }
}
