package org.disclosure.extractor.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.output.Table;
import org.junit.jupiter.api.Test;

class CrossYearCheckTest {

    private static final String DEPT = "邻水县医疗保障局";

    private static Records finals(String file, int year, String actual) {
        return Records.finalAccounts(file, DEPT, year).figure("three_public.actual", actual,
                year + "年“三公”经费财政拨款支出决算为" + actual + "万元。", actual + "万元");
    }

    @Test
    void aStatedChangeThatLastYearsReportContradictsIsAnError() {
        // planted: the 2022 report says 7.89, but the 2023 report's change says last year was 2.82 + 15.07 = 17.89
        Records now = finals("2023.pdf", 2023, "2.82").figure("three_public.change", "-15.07",
                "2023年“三公”经费财政拨款支出决算为2.82万元，完成预算35.25%，较上年减少15.07万元，下降84.24%。", "15.07万元");
        Panel panel = Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), now.json()));

        assertThat(panel.findings()).hasSize(1);
        Finding f = panel.findings().get(0).finding();
        assertThat(f.rule()).isEqualTo("cross_year");
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.expected()).isEqualByComparingTo("-5.07");
        assertThat(f.actual()).isEqualByComparingTo("-15.07");
        assertThat(f.difference()).isEqualByComparingTo("-10");
        assertThat(f.values()).extracting(v -> v.provenance().file()).containsExactly("2023.pdf", "2023.pdf", "2022.pdf");
        assertThat(f.messageZh()).contains("2023年决算", "-15.07万元", "2022年决算", "7.89万元", "相差-10万元");

        Table t = PanelTables.findings(panel);
        List<Object> row = PanelTest.rows(t).get(0);
        assertThat(row.get(t.columnIndex("previous_sentence"))).isEqualTo("2022年“三公”经费财政拨款支出决算为7.89万元。");
        assertThat(row.get(t.columnIndex("stated_page"))).isEqualTo(3);
    }

    @Test
    void nothingWhereRoundingAsWrittenExplainsTheDifference() {
        // 2.82 − 7.89 = −5.07 stated as −5.08: each of the three figures is rounded to 0.01 (0.015 in all)
        Records now = finals("2023.pdf", 2023, "2.82").figure("three_public.change", "-5.08",
                "较上年减少5.08万元。", "5.08万元");
        assertThat(Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), now.json())).findings()).isEmpty();

        // written to whole 万元 (833万元), a change may be off by the rounding of each whole figure
        Records whole = Records.finalAccounts("2023.pdf", DEPT, 2023).figure("three_public.actual", "833", "决算为833万元。", "833万元")
                .figure("three_public.change", "-101", "较上年减少101万元。", "101万元");
        Records before = Records.finalAccounts("2022.pdf", DEPT, 2022).figure("three_public.actual", "933.6",
                "决算为933.6万元。", "933.6万元");
        assertThat(Panel.of(List.of(before.json(), whole.json())).findings()).isEmpty();
    }

    @Test
    void nothingAcrossDifferentKindsNorAcrossAGapYear() {
        // the 2023 final accounts' change against the 2022 budget: not the same thing
        Records now = finals("2023.pdf", 2023, "2.82").figure("three_public.change", "-15.07",
                "较上年减少15.07万元。", "15.07万元");
        Records budget2022 = Records.budget("b2022.pdf", DEPT, 2022).figure("three_public.budget", "7.89");
        assertThat(Panel.of(List.of(budget2022.json(), now.json())).findings()).isEmpty();

        assertThat(Panel.of(List.of(finals("2021.pdf", 2021, "7.89").json(), now.json())).findings()).isEmpty();
    }

    @Test
    void nothingAcrossADepartmentAndItsUnit() {
        Records unit = Records.report("u2023.pdf", DEPT, 2023, "final_accounts", "单位").figure("three_public.actual", "2.82",
                "决算为2.82万元。", "2.82万元").figure("three_public.change", "-15.07", "较上年减少15.07万元。", "15.07万元");
        assertThat(Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), unit.json())).findings()).isEmpty();
    }

    @Test
    void aBudgetsDisagreementIsAWarningAtMost() {
        Records before = Records.budget("2018.pdf", DEPT, 2018).figure("totals.grand_total", "13649.07");
        Records now = Records.budget("2019.pdf", DEPT, 2019).figure("totals.grand_total", "15897.44")
                .figure("totals.grand_total_change", "2348.37", "收支预算总计15897.44万元，比上年增加2348.37万元。", "2348.37万元");
        List<CrossYearCheck.CrossYearFinding> findings = Panel.of(List.of(before.json(), now.json())).findings();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).finding().severity()).isEqualTo("warning");
    }

    @Test
    void aBudgetComparedWithLastYearsSpendingIsNotChecked() {
        Records before = Records.budget("2018.pdf", DEPT, 2018).figure("totals.grand_total", "13649.07");
        Records now = Records.budget("2019.pdf", DEPT, 2019).figure("totals.grand_total", "15897.44")
                .figure("totals.grand_total_change", "2348.37", "收支预算总计15897.44万元，比上年执行数增加2348.37万元。", "2348.37万元");
        assertThat(Panel.of(List.of(before.json(), now.json())).findings()).isEmpty();
    }

    @Test
    void aRestatedFigureIsAWarningAtMost() {
        Records now = finals("2023.pdf", 2023, "2.82").figure("three_public.change", "-15.07",
                "按可比口径，较上年减少15.07万元。", "15.07万元");
        List<CrossYearCheck.CrossYearFinding> findings = Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), now.json())).findings();
        assertThat(findings).extracting(f -> f.finding().severity()).containsExactly("warning");
    }

    @Test
    void aRateIsCheckedWhereNoAmountIsStated() {
        // 2.82 against 7.89 is −64.26%; stated −44.26%
        Records now = finals("2023.pdf", 2023, "2.82").figure("three_public.change_pct", "-44.26", "较上年下降44.26%。", "44.26%");
        List<CrossYearCheck.CrossYearFinding> findings = Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), now.json())).findings();
        assertThat(findings).extracting(CrossYearCheck.CrossYearFinding::key).containsExactly("three_public.change_pct");
        assertThat(findings.get(0).finding().expected()).isEqualByComparingTo("-64.26");

        Records right = finals("2023.pdf", 2023, "2.82").figure("three_public.change_pct", "-64.26", "较上年下降64.26%。", "64.26%");
        assertThat(Panel.of(List.of(finals("2022.pdf", 2022, "7.89").json(), right.json())).findings()).isEmpty();
    }
}
