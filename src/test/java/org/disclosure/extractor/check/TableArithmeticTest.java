package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.Test;

/**
 * Each standard table against itself, on a real budget's tables as read (silent as published, an error once one
 * cell is changed) and on small tables made up to show rounding and misread structure.
 */
class TableArithmeticTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final TableArithmetic CHECK = new TableArithmetic(TableChecks.load());
    private static final Path CHANGSHA = Path.of("corpus/real/长沙市信访局-2026-部门预算.pdf");

    private static ReportRecord record(Path file) {
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }

    /** The record with one cell of one table changed to another amount. */
    private static ReportRecord planted(ReportRecord r, String table, String rowCode, String column, String amount) {
        List<LineItem> items = new ArrayList<>();
        int changed = 0;
        for (LineItem i : r.tables()) {
            if (i.table().equals(table) && i.rowCode().equals(rowCode) && i.column().equals(column)) {
                i = new LineItem(i.table(), i.title(), i.page(), i.rowCode(), i.rowName(), i.column(),
                        new BigDecimal(amount), i.provenance());
                changed++;
            }
            items.add(i);
        }
        assertThat(changed).as("the cell to change is in the record").isEqualTo(1);
        return new ReportRecord(r.source(), r.fields(), r.reason(), items, r.alternates(), List.of());
    }

    @Test
    void theTablesOfRealReportsAsPublishedRaiseNothing() throws Exception {
        try (Stream<Path> files = Stream.concat(java.nio.file.Files.list(Path.of("corpus/real")),
                java.nio.file.Files.list(Path.of("corpus/rendered")))) {
            for (Path f : files.sorted().toList()) {
                Pipeline.Outcome o = PIPELINE.process(f, f.toString());
                if (o instanceof Pipeline.Extracted e) {
                    assertThat(e.record().findings()).as(f.toString())
                            .noneMatch(x -> x.rule().startsWith("table_"));
                }
            }
        }
    }

    @Test
    void aRowWhoseTotalIsNotBasicPlusProjectIsAnError() {
        ReportRecord r = planted(record(CHANGSHA), "general_budget_expenditure", "2014001", "总计", "1527.95");
        List<Finding> findings = CHECK.check(r);
        Finding row = findings.stream().filter(f -> f.rule().equals("table_row/general_budget_expenditure")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertThat(row.severity()).isEqualTo("error");
        assertThat(row.actual()).isEqualByComparingTo("1527.95");
        assertThat(row.expected()).isEqualByComparingTo("1517.95");
        assertThat(row.difference()).isEqualByComparingTo("10");
        assertThat(row.messageZh()).contains("2014001", "行政运行");
        assertThat(row.values()).anySatisfy(v -> assertThat(v.provenance().text()).contains("1,517.95"));
    }

    @Test
    void aHeadingRowThatIsNotTheSumOfItsItemsIsAnError() {
        ReportRecord r = planted(record(CHANGSHA), "general_budget_expenditure", "2014004", "项目支出", "427.41");
        List<Finding> findings = CHECK.check(r);
        Finding column = findings.stream().filter(f -> f.rule().equals("table_column/general_budget_expenditure"))
                .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
        assertThat(column.severity()).isEqualTo("error");
        assertThat(column.actual()).isEqualByComparingTo("417.41"); // 20140 信访事务 as printed
        assertThat(column.expected()).isEqualByComparingTo("427.41");
        assertThat(column.messageZh()).contains("20140", "项目支出");
        // the row's own 合计 no longer holds either
        assertThat(findings).extracting(Finding::rule).contains("table_row/general_budget_expenditure");
    }

    @Test
    void theUnchangedRealTableRaisesNothing() {
        assertThat(CHECK.check(record(CHANGSHA))).isEmpty();
    }

    // ---- small tables made up for the edge cases ----

    private static LineItem cell(String code, String name, String column, String printed, String unit) {
        String text = code + " | " + name + " | " + printed;
        return cell(code, name, column, printed, unit, text, text.length() - printed.length());
    }

    /** One cell of a printed row whose text is {@code text}, its figure printed at {@code at}. */
    private static LineItem cell(String code, String name, String column, String printed, String unit, String text, int at) {
        BigDecimal amount = new BigDecimal(printed.replace(",", ""));
        if (unit.equals("元")) {
            amount = amount.movePointLeft(4);
        }
        return new LineItem("expenditure", "支出决算表", 3, code, name, column, amount,
                new Provenance("made-up", 3, "支出决算表", text, at, at + printed.length(), "table:expenditure"));
    }

    private static ReportRecord table(List<LineItem> items) {
        return new ReportRecord(new org.disclosure.extractor.extract.Source("made-up", "", "txt", 1), List.of(), null,
                items, List.of(), List.of());
    }

    /** A 支出决算表 in the given unit: 合计 and three 类 rows, each 合计 | 基本支出 | 项目支出. */
    private static List<LineItem> rows(String unit, String[][] rows) {
        List<LineItem> items = new ArrayList<>();
        for (String[] r : rows) {
            String text = r[0] + " | " + r[1] + " | " + r[2] + " | " + r[3] + " | " + r[4];
            String[] columns = {"合计", "基本支出", "项目支出"};
            int at = r[0].length() + 3 + r[1].length() + 3;
            for (int c = 0; c < 3; c++) {
                items.add(cell(r[0], r[1], columns[c], r[2 + c], unit, text, at));
                at += r[2 + c].length() + 3;
            }
        }
        return items;
    }

    @Test
    void differencesThatTheRoundingOfEachCellExplainsRaiseNothing() {
        // each cell rounded to 0.01: 3.33 + 3.33 + 3.35 may print as 10.00 beside 10.01
        List<LineItem> items = rows("万元", new String[][]{
                {"", "合计", "10.00", "6.67", "3.33"},
                {"201", "一般公共服务支出", "3.33", "3.33", "0"},
                {"205", "教育支出", "3.33", "1.66", "1.67"},
                {"208", "社会保障和就业支出", "3.35", "1.68", "1.66"}});
        assertThat(CHECK.check(table(items))).isEmpty();
    }

    @Test
    void aTableInYuanIsJudgedInYuan() {
        List<LineItem> items = rows("元", new String[][]{
                {"", "合计", "1,000,000.00", "600,000.00", "400,000.00"},
                {"201", "一般公共服务支出", "500,000.00", "300,000.00", "200,000.00"},
                {"205", "教育支出", "300,000.00", "200,000.00", "100,000.00"},
                {"208", "社会保障和就业支出", "200,000.00", "100,000.00", "100,010.00"}});
        List<Finding> findings = CHECK.check(table(items));
        // 10 元 off in one cell: beyond the rounding of cells printed to 0.01 元
        assertThat(findings).extracting(Finding::rule).contains("table_row/expenditure");
        Finding row = findings.stream().filter(f -> f.rule().equals("table_row/expenditure")).findFirst().orElseThrow();
        assertThat(row.difference()).isEqualByComparingTo("-0.001");
        assertThat(row.severity()).isEqualTo("error");
    }

    @Test
    void aTableThatFailsOnManyRowsWasMisreadAndRaisesNothing() {
        // a column read under the wrong header breaks every row: no accusation
        List<LineItem> items = rows("万元", new String[][]{
                {"", "合计", "10.00", "10.00", "10.00"},
                {"201", "一般公共服务支出", "3.00", "3.00", "3.00"},
                {"205", "教育支出", "3.00", "3.00", "3.00"},
                {"208", "社会保障和就业支出", "4.00", "4.00", "4.00"}});
        assertThat(CHECK.check(table(items))).extracting(Finding::rule).doesNotContain("table_row/expenditure");
    }

    @Test
    void aColumnBesideTheTotalThatIsNoPartLeavesTheRowUnchecked() {
        List<LineItem> items = new ArrayList<>(rows("万元", new String[][]{
                {"", "合计", "10.00", "6.00", "4.00"},
                {"201", "一般公共服务支出", "5.00", "3.00", "2.00"},
                {"205", "教育支出", "5.00", "3.00", "2.00"}}));
        items.add(cell("201", "一般公共服务支出", "年初结转", "9.00", "万元"));
        items.set(3, cell("201", "一般公共服务支出", "合计", "7.00", "万元"));
        assertThat(CHECK.check(table(items))).extracting(Finding::rule).doesNotContain("table_row/expenditure");
    }

    /** An income table's row: 合计 | 本年收入/小计 | 本年收入/一般公共预算 | 上年结转结余/小计, printed in 万元. */
    private static List<LineItem> incomeRow(String code, String name, String... printed) {
        String[] columns = {"合计", "本年收入/小计", "本年收入/一般公共预算", "上年结转结余/小计"};
        String text = code + " | " + name + " | " + String.join(" | ", printed);
        List<LineItem> items = new ArrayList<>();
        int at = code.length() + 3 + name.length() + 3;
        for (int c = 0; c < printed.length; c++) {
            items.add(new LineItem("income", "收入总表", 2, code, name, columns[c], new BigDecimal(printed[c]),
                    new Provenance("made-up", 2, "收入总表", text, at, at + printed[c].length(), "table:income")));
            at += printed[c].length() + 3;
        }
        return items;
    }

    @Test
    void anIncomeTablesTotalIsTheYearsIncomePlusTheCarryOver() {
        List<LineItem> items = new ArrayList<>();
        items.addAll(incomeRow("", "合计", "120.00", "100.00", "100.00", "20.00"));
        items.addAll(incomeRow("201", "一般公共服务支出", "60.00", "50.00", "50.00", "10.00"));
        items.addAll(incomeRow("205", "教育支出", "30.00", "25.00", "25.00", "5.00"));
        items.addAll(incomeRow("208", "社会保障和就业支出", "30.00", "25.00", "25.00", "5.00"));
        assertThat(CHECK.check(table(items))).isEmpty();
        List<LineItem> wrong = incomeRow("205", "教育支出", "35.00", "25.00", "25.00", "5.00"); // 合计 printed 5 too high
        for (int c = 0; c < wrong.size(); c++) {
            items.set(8 + c, wrong.get(c));
        }
        List<Finding> findings = CHECK.check(table(items));
        Finding row = findings.stream().filter(f -> f.rule().equals("table_row/income")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertThat(row.difference()).isEqualByComparingTo("5");
        assertThat(row.severity()).isEqualTo("error");
    }
}
