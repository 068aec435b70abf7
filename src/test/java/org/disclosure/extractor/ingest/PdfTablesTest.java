package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTablesTest {

    private static final String SEED_001 = "corpus/rendered/001_627f347534218911";
    private static final Path PUTUO = Path.of("corpus/real/上海市普陀区司法局-2026-部门预算.pdf");
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?");

    private static Document seed001;
    private static Document putuo;

    @BeforeAll
    static void readCorpus() throws Exception {
        seed001 = new PdfReader().read(Path.of(SEED_001 + ".pdf"), "001.pdf");
        putuo = new PdfReader().read(PUTUO, "putuo.pdf");
    }

    @Test
    void seed001GivesItsNineTablesAsTheWorkbookHasThem() throws Exception {
        // 公开03表, 04表 and 06表 run on over the next page (06表 over two): thirteen blocks, each on its page
        assertThat(seed001.tables()).extracting(Block::page).containsExactly(2, 3, 3, 4, 4, 5, 5, 5, 6, 7, 7, 8, 8);
        Document workbook = new DocumentReader().read(Path.of(SEED_001 + "_tables.xlsx"), "001.xlsx");
        Map<String, Integer> expected = amounts(workbook);
        Map<String, Integer> read = amounts(seed001);
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        int matched = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            matched += Math.min(e.getValue(), read.getOrDefault(e.getKey(), 0));
        }
        assertThat(total).isGreaterThan(150);
        assertThat((double) matched / total).isGreaterThanOrEqualTo(0.99);
        assertThat(read.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    }

    @Test
    void aShanghaiBudgetTableInYuanAddsUp() {
        // 2026年部门一般公共预算支出功能分类预算表, pages 15 and 16: 合计 = 基本支出 + 项目支出 on every row, and the 合计
        // row is the sum of the 类 rows (204, 208, 210, 221) of both pages
        List<String[]> rows = new ArrayList<>();
        for (Block b : putuo.tables()) {
            if (b.page() == 15 || b.page() == 16) {
                rows.addAll(grid(b.table()));
            }
        }
        String[] header = rows.stream().filter(r -> List.of(r).contains("基本支出")).findFirst().orElseThrow();
        int total = List.of(header).indexOf("合计");
        int basic = List.of(header).indexOf("基本支出");
        int project = List.of(header).indexOf("项目支出");
        BigDecimal[] classes = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] totals = null;
        int checked = 0;
        for (String[] row : rows) {
            if (!AMOUNT.matcher(row[total]).matches()) {
                continue;
            }
            BigDecimal[] amounts = {amount(row[total]), amount(row[basic]), amount(row[project])};
            assertThat(amounts[1].add(amounts[2])).as(String.join("|", row)).isEqualByComparingTo(amounts[0]);
            checked++;
            if (row[0].equals("合计")) {
                totals = amounts;
            } else if (row[0].matches("[0-9]{3}") && row[1].isEmpty()) {
                for (int i = 0; i < 3; i++) {
                    classes[i] = classes[i].add(amounts[i]);
                }
            }
        }
        assertThat(checked).isEqualTo(22);
        assertThat(totals).containsExactly(new BigDecimal("96282213.44"), new BigDecimal("25741666.44"),
                new BigDecimal("70540547.00"));
        assertThat(classes).containsExactly(totals);
    }

    @Test
    void aCellWrappedOverTwoLinesIsOneCell() {
        // 公开02表 prints "医疗保障管理" over "事务" in one cell
        Table income = seed001.tables().get(1).table();
        assertThat(income.rows()).anySatisfy(row -> assertThat(row).extracting(Cell::text)
                .startsWith("21015", "医疗保障管理事务", "391.37", "391.37"));
    }

    @Test
    void aTableRunningOverAPageBreakGivesATableOnEachPage() {
        // 公开03表 breaks after its 210 row on page 3 and goes on with 21015 on page 4
        Block first = seed001.tables().get(2);
        Block rest = seed001.tables().get(3);
        assertThat(first.page()).isEqualTo(3);
        assertThat(first.table().rows().get(0).get(0).text()).isEqualTo("部门支出决算表");
        assertThat(last(first.table()).get(0).text()).isEqualTo("210");
        assertThat(rest.page()).isEqualTo(4);
        assertThat(rest.table().rows()).extracting(r -> r.get(0).text()).containsExactly("21015", "2101501");
    }

    @Test
    void headerCellsKeepTheirSpans() {
        // 公开01表: 收入 over 项目 | 行次 | 决算数, 支出 over the other three
        Table summary = seed001.tables().get(0).table();
        assertThat(summary.rows().get(3)).containsExactly(new Cell("收入", 1, 3), new Cell("支出", 1, 3));
        // Putuo's 收入预算总表: 功能分类科目编码 over 类 | 款 | 项, the names spanning both header rows
        Table income = putuo.tables().stream().filter(b -> b.page() == 11).findFirst().orElseThrow().table();
        assertThat(income.rows().get(1)).startsWith(new Cell("功能分类科目编码", 1, 3), new Cell("功能分类科目名称", 2, 1));
        assertThat(income.rows().get(2)).extracting(Cell::text).containsExactly("类", "款", "项");
    }

    @Test
    void textAroundATableStaysParagraphsInReadingOrder() {
        List<Block> page2 = seed001.blocks().stream().filter(b -> b.page() == 2).toList();
        assertThat(page2).extracting(Block::text).startsWith(
                "（二）决算单位构成。蓝山县医疗保障局2023年部门决算汇总公开单位构成只包括蓝山县医疗保障局本级。"
                        + "不再包含蓝山县医保事务中心决算报表数据。医保事务中心决算报表单独上报。",
                "第二部分2023年部门决算表");
        assertThat(page2.get(2).isTable()).isTrue();
        assertThat(page2.get(3).text()).isEqualTo("注：本表反映部门本年度的总收支和年末结转结余情况。");
        // the caption lines of Putuo's tables stay paragraphs above them
        List<Block> page10 = putuo.blocks().stream().filter(b -> b.page() == 10).toList();
        assertThat(page10).extracting(Block::text).startsWith("2026年部门财务收支预算总表", "编制部门：上海市普陀区司法局 单位：元");
        assertThat(page10.get(2).isTable()).isTrue();
    }

    @Test
    void readsADrawnTableAndIgnoresWhiteRulesAndClippedText(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("table.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                show(cs, font, 72, 760, "Table 1 Spending");
                // a 3 x 2 grid from y 740 down to 680, x 72 to 372, split at x 222
                for (float y : new float[] {740, 710, 680}) {
                    rule(cs, 72, y, 372, y);
                }
                for (float x : new float[] {72, 222, 372}) {
                    rule(cs, x, 740, x, 680);
                }
                // a white gridline through the right column is no border
                cs.setStrokingColor(1f, 1f, 1f);
                rule(cs, 297, 740, 297, 680);
                cs.setStrokingColor(0f, 0f, 0f);
                show(cs, font, 80, 722, "Item");
                show(cs, font, 230, 722, "Amount");
                show(cs, font, 80, 692, "Total");
                show(cs, font, 230, 692, "391.37");
                // text clipped away outside its cell
                cs.saveGraphicsState();
                cs.addRect(222, 680, 150, 30);
                cs.clip();
                show(cs, font, 230, 650, "hidden");
                cs.restoreGraphicsState();
                show(cs, font, 72, 650, "Figures in yuan");
            }
            doc.save(pdf.toFile());
        }
        Document doc = new PdfReader().read(pdf, "table.pdf");
        assertThat(doc.blocks()).extracting(Block::kind)
                .containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
        assertThat(doc.blocks().get(1).table().rows()).containsExactly(
                List.of(Cell.of("Item"), Cell.of("Amount")), List.of(Cell.of("Total"), Cell.of("391.37")));
        assertThat(doc.blocks().get(2).text()).isEqualTo("Figures in yuan");
    }

    @Test
    void readsATableWithoutRulesFromWhereItsFiguresStand(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("unruled.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                show(cs, font, 72, 760, "Spending by function");
                String[][] rows = {
                        {"Item", "Total", "Basic", "Project"},
                        {"Public services", "391.37", "242.91", "148.46"},
                        {"Health", "120.00", "", "120.00"},
                        {"Total", "511.37", "242.91", "268.46"}};
                float y = 730;
                for (String[] row : rows) {
                    float[] xs = {72, 250, 350, 450};
                    for (int c = 0; c < row.length; c++) {
                        show(cs, font, xs[c], y, row[c]);
                    }
                    y -= 16;
                }
                show(cs, font, 72, 640, "Figures in yuan");
            }
            doc.save(pdf.toFile());
        }
        Document doc = new PdfReader().read(pdf, "unruled.pdf");
        assertThat(doc.blocks()).extracting(Block::kind)
                .containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
        assertThat(doc.blocks().get(1).table().rows()).extracting(r -> r.stream().map(Cell::text).toList())
                .containsExactly(List.of("Item", "Total", "Basic", "Project"),
                        List.of("Public services", "391.37", "242.91", "148.46"),
                        List.of("Health", "120.00", "", "120.00"),
                        List.of("Total", "511.37", "242.91", "268.46"));
    }

    /** Numeric cells by (the text to their left in the row, grid column), counted. */
    private static Map<String, Integer> amounts(Document doc) {
        Map<String, Integer> amounts = new HashMap<>();
        for (Block b : doc.tables()) {
            for (String[] row : grid(b.table())) {
                String label = "";
                for (int c = 0; c < row.length; c++) {
                    String text = row[c].replaceAll("\\s", "");
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (!AMOUNT.matcher(text).matches()) {
                        label = text;
                    } else if (!label.isEmpty() && !label.equals("栏次")) {
                        String value = amount(text).stripTrailingZeros().toPlainString();
                        amounts.merge(label + " @" + c + " = " + value, 1, Integer::sum);
                    }
                }
            }
        }
        return amounts;
    }

    /** The table's rows laid over its columns, a spanned cell's text at its top-left position only. */
    private static List<String[]> grid(Table table) {
        List<List<String>> out = new ArrayList<>();
        table.rows().forEach(r -> out.add(new ArrayList<>()));
        for (int r = 0; r < table.rows().size(); r++) {
            for (Cell cell : table.rows().get(r)) {
                List<String> line = out.get(r);
                int col = line.indexOf(null) >= 0 ? line.indexOf(null) : line.size();
                for (int dr = 0; dr < cell.rowSpan() && r + dr < out.size(); dr++) {
                    List<String> target = out.get(r + dr);
                    for (int dc = 0; dc < cell.colSpan(); dc++) {
                        while (target.size() <= col + dc) {
                            target.add(null);
                        }
                        target.set(col + dc, dr == 0 && dc == 0 ? cell.text() : "");
                    }
                }
            }
        }
        return out.stream().map(l -> l.stream().map(t -> t == null ? "" : t).toArray(String[]::new)).toList();
    }

    private static BigDecimal amount(String text) {
        String t = text.replace(",", "").strip();
        return t.isEmpty() ? BigDecimal.ZERO : new BigDecimal(t);
    }

    private static List<Cell> last(Table table) {
        return table.rows().get(table.rows().size() - 1);
    }

    private static void rule(PDPageContentStream cs, float x1, float y1, float x2, float y2) throws IOException {
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, 10);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}
