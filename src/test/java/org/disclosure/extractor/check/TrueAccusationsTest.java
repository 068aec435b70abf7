package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding is an accusation: made-up sentences and table rows for each way we once accused a report of a
 * contradiction it does not contain (rounding, carry-over, one 科目's figures, one wrong figure counted five times).
 */
class TrueAccusationsTest {

    private static final ConsistencyChecker CHECKER = new ConsistencyChecker();
    private static final Pipeline PIPELINE = new Pipeline();

    @TempDir
    Path dir;

    /** A figure as a sentence states it: the span covers the amount as written, unit included. */
    private static FieldValue said(String key, String amount, String sentence, String written) {
        int at = sentence.indexOf(written);
        return new FieldValue(key, new BigDecimal(amount), "万元",
                new Provenance("t.txt", 1, null, sentence, at, at + written.length(), "test/" + key));
    }

    /** A table cell: a row of the 收支总表 read into a field. */
    private static FieldValue cell(String key, String amount, String row) {
        return new FieldValue(key, new BigDecimal(amount), "万元",
                new Provenance("t.txt", 2, null, row, -1, -1, "table:income_expenditure_total/" + key));
    }

    private static LineItem totalRow(String name, String amount) {
        return new LineItem("income_expenditure_total", "收支总表", 2, "", name, "收入/预算数", new BigDecimal(amount),
                new Provenance("t.txt", 2, null, name + " | " + amount, -1, -1, "table:income_expenditure_total"));
    }

    private static List<Finding> check(List<FieldValue> fields, List<LineItem> rows, List<FieldValue> alternates) {
        List<FieldValue> all = new ArrayList<>(fields);
        all.add(0, new FieldValue("doc.kind", "budget", null, new Provenance("t.txt", 1, null, "2026年部门预算", 0, 4, "test")));
        return CHECKER.check(new ReportRecord(new Source("t.txt", "0", "txt", 2), all, null, rows, alternates, List.of()));
    }

    @Test
    void aFigureRoundedToWholeWanYuanBesideTheSameInYuanIsInformationNotADisagreement() {
        String sentence = "财政拨款收入833万元，比上年增加4万元。";
        List<Finding> findings = check(List.of(said("income.fiscal_appropriation", "833", sentence, "833万元")), List.of(),
                List.of(cell("income.fiscal_appropriation", "833.2285", "一、财政拨款收入 | 8,332,285")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo("info");
            assertThat(f.messageZh()).doesNotContain("不一致").contains("取整");
            assertThat(f.messageEn()).doesNotContain("differ");
        });
    }

    @Test
    void aDifferenceRoundingCannotExplainIsStillADisagreement() {
        String sentence = "财政拨款收入835万元。";
        List<Finding> findings = check(List.of(said("income.fiscal_appropriation", "835", sentence, "835万元")), List.of(),
                List.of(cell("income.fiscal_appropriation", "833.2285", "一、财政拨款收入 | 8,332,285")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isIn("warning", "error");
            assertThat(f.messageZh()).contains("不一致");
        });
    }

    @Test
    void theCarryOverTheReportPrintsMakesUpTheGrandTotal() {
        List<FieldValue> fields = List.of(cell("totals.grand_total", "3695.91", "收入总计 | 3,695.91"),
                cell("income.total", "3643.37", "本年收入合计 | 3,643.37"),
                cell("expenditure.total", "3643.37", "本年支出合计 | 3,643.37"));
        List<LineItem> rows = List.of(totalRow("上年实户资金余额", "40.93"), totalRow("上年结转", "11.61"),
                totalRow("其中：财政拨款资金结转", "11.61"), totalRow("结转下年", "52.54"));
        assertThat(check(fields, rows, List.of())).isEmpty();
    }

    @Test
    void aCarryOverThatDoesNotMakeUpTheGrandTotalIsAnError() {
        List<FieldValue> fields = List.of(cell("totals.grand_total", "3695.91", "收入总计 | 3,695.91"),
                cell("income.total", "3643.37", "本年收入合计 | 3,643.37"));
        List<Finding> findings = check(fields, List.of(totalRow("上年结转", "11.61")), List.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("equal/totals.income_total");
            assertThat(f.severity()).isEqualTo("error");
            assertThat(f.messageZh()).contains("上年结转11.61万元");
        });
    }

    @Test
    void theCarryOverTheNarrativeStatesTakesPartWhereTheTablePrintsNone() {
        String sentence = "2026年收入预算合计10,022.32万元，包括本年收入9,922.32万元，上年结转结余100万元。";
        List<FieldValue> explained = List.of(said("totals.grand_total", "10022.32", sentence, "10,022.32万元"),
                said("income.total", "9922.32", sentence, "9,922.32万元"),
                said("totals.carry_over_in", "100", sentence, "100万元"));
        assertThat(check(explained, List.of(), List.of())).isEmpty();
        String wrong = "2026年收入预算合计10,022.32万元，包括本年收入9,922.32万元，上年结转结余0万元。";
        List<FieldValue> unexplained = List.of(said("totals.grand_total", "10022.32", wrong, "10,022.32万元"),
                said("income.total", "9922.32", wrong, "9,922.32万元"),
                said("totals.carry_over_in", "0", wrong, "0万元"));
        assertThat(check(unexplained, List.of(), List.of())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo("error"));
    }

    @Test
    void aShortfallTheReportPrintsNoCarryOverForIsOnlyInformation() {
        List<FieldValue> fields = List.of(cell("totals.grand_total", "3695.91", "收入总计 | 3,695.91"),
                cell("income.total", "3643.37", "本年收入合计 | 3,643.37"));
        assertThat(check(fields, List.of(), List.of())).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo("info"));
    }

    @Test
    void oneWrongFigureIsOneFindingNamingIt() {
        String zero = "财政拨款支出预算中，一般公共预算拨款支出预算0.00万元，比上年预算减少15,621.11万元。";
        List<FieldValue> fields = List.of(said("general_budget.expenditure", "0", zero, "0.00万元"),
                cell("basic.total", "10134.1746", "合计 | 189,767,551 | 101,341,746 | 88,425,805"));
        List<Finding> findings = check(fields, List.of(),
                List.of(cell("general_budget.expenditure", "18976.7551", "合计 | 189,767,551 | 101,341,746 | 88,425,805")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("suspect/general_budget.expenditure");
            assertThat(f.values().get(0).provenance().text()).isEqualTo(zero);
            assertThat(f.symptoms()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("equal/basic.within_general_budget", "stated_twice/general_budget.expenditure");
        });
    }

    @Test
    void aHeadquartersUnitsFigureAgainstTheDepartmentsIsNoAccusation() {
        String unit = "一、XX市民政局（本级）预算2,249.92万元，包括在职人员经费1,200万元、公用经费300万元、项目支出749.92万元。";
        List<FieldValue> fields = List.of(said("basic.personnel", "1200", unit, "1,200万元"));
        List<Finding> findings = check(fields, List.of(),
                List.of(cell("basic.personnel", "3500", "合计 | 4,000.00 | 3,500.00 | 500.00")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo("warning");
            assertThat(f.messageZh()).contains("本级");
        });
        String department = "本部门人员经费1,200万元。";
        assertThat(check(List.of(said("basic.personnel", "1200", department, "1,200万元")), List.of(),
                List.of(cell("basic.personnel", "3500", "合计 | 4,000.00 | 3,500.00 | 500.00"))))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo("error"));
    }

    private List<FieldValue> fieldsOf(String report) throws Exception {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        return ((Pipeline.Extracted) outcome).record().fields();
    }

    @Test
    void theFiguresOfAParagraphAboutOneClassificationItemAreNotTheDepartments() throws Exception {
        String head = "XX市民政局2026年部门预算\n第三部分 2026年部门预算情况说明\n一、一般公共预算支出情况\n";
        List<FieldValue> fields = fieldsOf(head
                + "（4）抚恤（20808）170.00万元，较上年增加5.00万元。具体为：人员经费0.00万元，较上年无变化；公用经费0.00万元。\n"
                + "2.“农林水支出”科目83万元，主要用于人员经费18万元、公用经费58万元、项目支出7万元。\n"
                + "4.资本性支出（基本建设）（309）100.45万元。具体为：人员经费0.00万元，公用经费0.00万元。\n");
        assertThat(fields).extracting(FieldValue::key)
                .doesNotContain("basic.personnel", "basic.public", "expenditure.project");
        List<FieldValue> department = fieldsOf(head + "一般公共预算基本支出1000万元，其中：人员经费800万元，公用经费200万元。\n");
        assertThat(department).extracting(FieldValue::key).contains("basic.personnel", "basic.public");
    }
}
