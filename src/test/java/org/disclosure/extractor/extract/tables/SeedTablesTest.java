package org.disclosure.extractor.extract.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nine 公开01–09表 of seed 001 (蓝山县医疗保障局 2023 部门决算), read from its XLSX workbook (the reference: one
 * sheet per table, every cell where it stands) and from the DOCX, DOC and TXT renderings of the whole report.
 */
class SeedTablesTest {

    private static final String XLSX = "corpus/rendered/001_627f347534218911_tables.xlsx";
    private static final Pipeline PIPELINE = new Pipeline();
    private static StandardTables tables;
    private static Document workbook;
    private static List<LineItem> reference;

    @BeforeAll
    static void readWorkbook() throws Exception {
        tables = new StandardTables(TableGrammar.load(Path.of(TableGrammar.FILE)));
        workbook = PIPELINE.read(Path.of(XLSX), XLSX);
        reference = tables.read(workbook, "final_accounts").items();
    }

    /** Every amount cell of the workbook: not a code, not a 行次 or 栏次 number, in rows of figures. */
    @Test
    void everyAmountCellOfTheWorkbookIsALineItem() {
        List<String> expected = new ArrayList<>();
        for (Block b : workbook.tables()) {
            Set<Integer> numbersNotAmounts = new HashSet<>(); // columns headed 行次 or …科目编码
            for (List<Cell> row : b.table().rows()) {
                if (isColumnNumbers(row)) {
                    continue;
                }
                int offset = 0;
                for (int c = 0; c < row.size(); c++) {
                    String text = row.get(c).text();
                    if (text.matches(".*(?:行次|编码).*")) {
                        numbersNotAmounts.add(c);
                    } else if (CellText.isAmount(text) && !numbersNotAmounts.contains(c)) {
                        expected.add(b.page() + "@" + BodyRows.rowText(row) + "@" + offset + "=" + new BigDecimal(text));
                    }
                    offset += text.length() + 3;
                }
            }
        }
        List<String> read = reference.stream()
                .map(i -> i.page() + "@" + i.provenance().text() + "@" + i.provenance().spanStart() + "=" + i.amount())
                .toList();
        assertThat(expected).hasSizeGreaterThan(90);
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void cellsAreReadWithTheirRowAndColumn() {
        assertThat(find("income_expenditure_total", "", "本年收入合计", "收入/决算数")).isEqualByComparingTo("391.37");
        assertThat(find("income_expenditure_total", "", "七、卫生健康支出", "支出/决算数")).isEqualByComparingTo("391.37");
        assertThat(find("income", "2101501", "行政运行", "财政拨款收入")).isEqualByComparingTo("391.37");
        assertThat(find("expenditure", "210", "卫生健康支出", "项目支出")).isEqualByComparingTo("148.46");
        assertThat(find("appropriation_total", "", "总计", "支出/一般公共预算财政拨款")).isEqualByComparingTo("391.37");
        assertThat(find("general_budget_expenditure", "21015", "医疗保障管理事务", "本年支出/基本支出"))
                .isEqualByComparingTo("242.91");
        assertThat(find("basic_expenditure", "30217", "公务接待费", "决算数")).isEqualByComparingTo("3");
        assertThat(find("basic_expenditure", "", "公用经费合计", "决算数")).isEqualByComparingTo("65.83");
        assertThat(find("three_public", "", "", "决算数/公务用车购置及运行费/公务用车运行费")).isEqualByComparingTo("0");
        assertThat(find("gov_fund", "", "合计", "本年支出/小计")).isEqualByComparingTo("0");
        assertThat(find("state_capital", "", "合计", "本年支出/合计")).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"corpus/rendered/001_627f347534218911.docx", "corpus/rendered/001_627f347534218911.doc",
            "corpus/seeds/001_627f347534218911.txt"})
    void theReportReadsLikeTheWorkbook(String file) throws Exception {
        Document doc = PIPELINE.read(Path.of(file), file);
        List<String> read = tables.read(doc, "final_accounts").items().stream().map(SeedTablesTest::cell)
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> agreeing = new ArrayList<>();
        for (String expected : reference.stream().map(SeedTablesTest::cell).toList()) {
            if (read.remove(expected)) {
                agreeing.add(expected);
            }
        }
        assertThat((double) agreeing.size() / reference.size()).as("share of the workbook's cells read alike")
                .isGreaterThanOrEqualTo(0.99);
        assertThat(read).as("cells the workbook does not have").hasSizeLessThanOrEqualTo(reference.size() / 100);
    }

    private static String cell(LineItem i) {
        return String.join(" | ", i.table(), i.rowCode(), i.rowName(), i.column(), i.amount().toPlainString());
    }

    private static BigDecimal find(String table, String code, String name, String column) {
        return reference.stream()
                .filter(i -> i.table().equals(table) && i.rowCode().equals(code) && i.rowName().equals(name)
                        && i.column().equals(column))
                .map(LineItem::amount).findFirst()
                .orElseThrow(() -> new AssertionError("no " + table + " " + code + " " + name + " × " + column));
    }

    private static boolean isColumnNumbers(List<Cell> row) {
        List<String> texts = row.stream().map(Cell::text).filter(t -> !t.isBlank()).toList();
        return !texts.isEmpty() && (texts.get(0).equals("栏次") || texts.get(0).equals("1") && texts.size() > 1
                && texts.get(1).equals("2"));
    }
}
