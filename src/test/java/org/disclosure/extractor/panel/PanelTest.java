package org.disclosure.extractor.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.disclosure.extractor.output.Table;
import org.junit.jupiter.api.Test;

class PanelTest {

    @Test
    void nameVariantsOfOneDepartmentMakeOneSeries() {
        Panel panel = Panel.of(List.of(
                Records.budget("a.pdf", "中国共产党江苏省委员会办公厅", 2017).figure("totals.grand_total", "100").json(),
                Records.budget("b.pdf", "中共江苏省委办公厅", 2018).figure("totals.grand_total", "110").json(),
                Records.budget("c.pdf", "江苏省委办公室（本级）", 2019).figure("totals.grand_total", "121").json()));

        assertThat(panel.rows()).extracting(PanelRow::year).containsExactly(2017, 2018, 2019);
        assertThat(panel.rows()).extracting(PanelRow::identity).containsOnly(panel.rows().get(0).identity());
        assertThat(panel.rows().get(2).budgetChanges().get("totals.grand_total")).isEqualByComparingTo("11");
    }

    @Test
    void theRegionsPlaceNamesAndAShortFormMeanOneDepartment() {
        Panel panel = Panel.of(List.of(
                Records.budget("a.pdf", "江苏省人民检察院", 2017).region("320000", "江苏省", "", "").json(),
                Records.budget("b.pdf", "省检察院", 2018).region("320000", "江苏省", "", "").json(),
                Records.budget("c.pdf", "江苏省高级人民法院", 2018).region("320000", "江苏省", "", "").json(),
                Records.budget("d.pdf", "省法院", 2019).region("320000", "江苏省", "", "").json()));

        assertThat(panel.rows()).extracting(r -> r.identity().toString())
                .containsExactly("320000/检察院", "320000/检察院", "320000/法院", "320000/法院");
        assertThat(panel.rows().get(1).names()).containsExactly("省检察院（b.pdf）");
    }

    @Test
    void aYearWhoseReportDoesNotSayThePlaceJoinsTheSameNameOfAKnownPlace() {
        Panel panel = Panel.of(List.of(
                Records.budget("a.pdf", "江苏省人民检察院", 2017).region("320000", "江苏省", "", "").json(),
                Records.budget("b.pdf", "江苏省人民检察院", 2018).json()));

        assertThat(panel.rows()).extracting(r -> r.identity().toString()).containsExactly("320000/检察院", "320000/检察院");
        assertThat(panel.rows().get(1).region().province()).isEqualTo("江苏省");
    }

    @Test
    void aUnitDoesNotJoinItsDepartment() {
        Panel panel = Panel.of(List.of(
                Records.report("dept.pdf", "上海市普陀区人民政府办公室", 2025, "budget", "部门")
                        .figure("totals.grand_total", "9101.68").json(),
                Records.report("unit.pdf", "上海市普陀区人民政府办公室", 2025, "budget", "单位")
                        .figure("totals.grand_total", "8000.5").json(),
                Records.budget("sub.pdf", "上海市普陀区人民政府办公室信息中心", 2025).json()));

        assertThat(panel.rows()).hasSize(3);
        assertThat(panel.rows()).extracting(PanelRow::scope).containsExactlyInAnyOrder("部门", "单位", "部门");
    }

    @Test
    void aVolumeOfTablesJoinsTheScopeItsDepartmentHas() {
        Records tables = Records.budget("tables.pdf", "江苏省政协办公厅", 2019).volume("tables")
                .figure("three_public.budget", "660.1").figure("totals.grand_total", "13377.11");
        tables.put("doc.kind", "budget", "收支预算总表", 0, 6);
        Panel panel = Panel.of(List.of(tables.json(),
                Records.budget("narrative.pdf", "江苏省政协办公厅", 2019).volume("narrative")
                        .figure("totals.grand_total", "13377.11").figure("basic.personnel", "5312.01").json()));

        assertThat(panel.rows()).hasSize(1);
        KindReport budget = panel.rows().get(0).budget();
        assertThat(budget.otherFiles()).hasSize(1);
        assertThat(budget.differences()).isEmpty();
        // two volumes of one report that agree: the one with fewer figures fills the gaps of the other
        assertThat(budget.figures()).containsKeys("three_public.budget", "basic.personnel", "totals.grand_total");
    }

    @Test
    void budgetAndFinalAccountsSitSideBySide() {
        Panel panel = Panel.of(List.of(
                Records.budget("b.pdf", "邻水县医疗保障局", 2022).figure("three_public.budget", "8").json(),
                Records.finalAccounts("f.pdf", "邻水县医疗保障局", 2022).figure("three_public.actual", "2.82")
                        .figure("three_public.budget", "8.00").json()));

        assertThat(panel.rows()).hasSize(1);
        Table t = PanelTables.panel(panel);
        List<Object> row = rows(t).get(0);
        assertThat(row.get(t.columnIndex("three_public.budget.budget"))).isEqualTo(new BigDecimal("8"));
        assertThat(row.get(t.columnIndex("three_public.budget.final"))).isEqualTo(new BigDecimal("8.00"));
        assertThat(row.get(t.columnIndex("three_public.actual.final"))).isEqualTo(new BigDecimal("2.82"));
        assertThat(t.columnIndex("three_public.actual.budget")).isEqualTo(-1);
        assertThat(t.columns().get(t.columnIndex("three_public.actual.final")).zhWithUnit()).isEqualTo("“三公”经费决算数·决算（万元）");
        assertThat(row.get(t.columnIndex("budget_file"))).isEqualTo("b.pdf");
        assertThat(row.get(t.columnIndex("final_file"))).isEqualTo("f.pdf");
    }

    @Test
    void derivedChangesAreExactAndOnlyWhereBothYearsStateTheFigure() {
        Panel panel = Panel.of(List.of(
                Records.finalAccounts("2022.pdf", "邻水县医疗保障局", 2022).figure("three_public.actual", "7.89")
                        .figure("operating_expenses.actual", "47.78").json(),
                Records.finalAccounts("2023.pdf", "邻水县医疗保障局", 2023).figure("three_public.actual", "2.82")
                        .figure("basic.total", "500").json()));

        Table t = PanelTables.panel(panel);
        List<List<Object>> rows = rows(t);
        int change = t.columnIndex("three_public.actual.final_change_derived");
        assertThat(t.columns().get(change).zhWithUnit()).isEqualTo("“三公”经费决算数·决算 较上年增减（计算）（万元）");
        assertThat(rows.get(0).get(change)).isNull();
        assertThat(rows.get(1).get(change)).isEqualTo(new BigDecimal("-5.07"));
        assertThat(rows.get(1).get(t.columnIndex("operating_expenses.actual.final_change_derived"))).isNull();
        assertThat(rows.get(1).get(t.columnIndex("basic.total.final_change_derived"))).isNull();
    }

    @Test
    void severalFilesOfOneReportAreMarkedAndTheirDisagreementSaid() {
        Panel panel = Panel.of(List.of(
                Records.budget("292.pdf", "上海市普陀区人民政府万里街道办事处", 2025).figure("totals.grand_total", "18976.7551")
                        .figure("procurement.total", "4821.2").figure("three_public.budget", "37.91").json(),
                Records.budget("302-draft.pdf", "上海市普陀区人民政府万里街道办事处", 2025).figure("totals.grand_total", "18976.7551")
                        .figure("procurement.total", "0").json()));

        KindReport budget = panel.rows().get(0).budget();
        assertThat(budget.file()).isEqualTo("292.pdf");
        assertThat(budget.otherFiles()).containsExactly("302-draft.pdf");
        assertThat(budget.differences()).containsExactly("procurement.total: 4821.2（292.pdf）≠ 0（302-draft.pdf）");
    }

    @Test
    void oneFigureRoundedTwoWaysIsNoDisagreement() {
        // the tables in 元 (96,267,775.89元 → 9626.777589万元) and the narrative's 9626.78万元
        Panel panel = Panel.of(List.of(
                Records.budget("109.pdf", "北京市信访办公室", 2026).figure("totals.grand_total", "9626.78")
                        .figure("basic.personnel", "3000.12").json(),
                Records.budget("035.pdf", "北京市信访办公室", 2026).figure("totals.grand_total", "9626.777589",
                        "收入总计 | 96,267,775.89", "96,267,775.89").figure("three_public.budget", "12.5").json()));

        KindReport budget = panel.rows().get(0).budget();
        assertThat(budget.differences()).isEmpty();
        // as many figures each: the first file by name is taken, the other fills what it lacks
        assertThat(budget.file()).isEqualTo("035.pdf");
        assertThat(budget.number("totals.grand_total")).isEqualByComparingTo("9626.777589");
        assertThat(budget.number("basic.personnel")).isEqualByComparingTo("3000.12");
    }

    @Test
    void recordsWithoutFiguresAreCountedNotPlaced() {
        Panel panel = Panel.of(List.of(Records.notAReport("checklist.pdf"),
                Records.budget("b.pdf", "邻水县医疗保障局", 2022).json()));

        assertThat(panel.counts().withoutFigures()).isEqualTo(1);
        assertThat(panel.counts().placed()).isEqualTo(1);
        assertThat(panel.rows()).hasSize(1);
    }

    @Test
    void aRenameTheReportStatesJoinsTheOldAndNewName() {
        Records renamed = Records.budget("2019.pdf", "烟台市文化和旅游局", 2019).figure("totals.grand_total", "210");
        renamed.put("basic.total", new BigDecimal("100"),
                "根据机构改革方案，组建烟台市文化和旅游局，不再保留烟台市文化广电新闻出版局。本年基本支出100万元。", 47, 50);
        Panel panel = Panel.of(List.of(
                Records.budget("2018.pdf", "烟台市文化广电新闻出版局", 2018).figure("totals.grand_total", "200").json(),
                renamed.json()));

        assertThat(panel.rows()).extracting(r -> r.identity().name()).containsOnly("烟台市文化和旅游局");
        assertThat(panel.rows().get(1).budgetChanges().get("totals.grand_total")).isEqualByComparingTo("10");
    }

    static List<List<Object>> rows(Table t) {
        try (var s = t.rows().open()) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
