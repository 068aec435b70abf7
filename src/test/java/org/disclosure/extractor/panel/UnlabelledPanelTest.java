package org.disclosure.extractor.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.unlabelled.UnlabelledReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The panel over the real reports of ../shared/unlabelled, which hold series of one department over several years:
 * the budgets of 江苏省委办公厅, 江苏省政协办公厅, 江苏省人大常委会办公厅, 江苏省人民检察院 and 江苏省高级人民法院
 * (2017–2019; the court's 2018 budget is not among them) and of 上海市普陀区 万里街道 (2023–2025, the 2025 budget
 * also in two draft previews with other figures). The changes checked by hand against the reports are named.
 */
class UnlabelledPanelTest {

    private static Panel panel;

    @BeforeAll
    static void build() {
        List<JsonNode> records = UnlabelledReports.outcomes().values().stream()
                .filter(o -> o instanceof Pipeline.Extracted)
                .map(o -> (JsonNode) JsonRecords.toJson(((Pipeline.Extracted) o).record()))
                .toList();
        panel = Panel.of(records);
    }

    private static List<PanelRow> series(Predicate<String> name) {
        List<PanelRow> rows = panel.rows().stream().filter(r -> name.test(r.department())).toList();
        assertThat(rows).as("rows of the series").isNotEmpty();
        assertThat(rows.stream().map(r -> r.identity() + "|" + r.scope()).distinct()).as("one department").hasSize(1);
        return rows;
    }

    @Test
    void oneRowPerDepartmentAndYearOfEachSeries() {
        assertThat(series(n -> n.contains("江苏省委") && n.contains("办公厅"))).extracting(PanelRow::year).containsExactly(2017, 2018, 2019);
        assertThat(series(n -> n.contains("江苏省政协"))).extracting(PanelRow::year).containsExactly(2017, 2018, 2019);
        assertThat(series(n -> n.contains("江苏省人大"))).extracting(PanelRow::year).containsExactly(2017, 2018, 2019);
        assertThat(series(n -> n.contains("检察院"))).extracting(PanelRow::year).containsExactly(2017, 2018, 2019);
        assertThat(series(n -> n.contains("江苏省高级人民法院"))).extracting(PanelRow::year).containsExactly(2017, 2019);
        assertThat(series(n -> n.contains("万里街道"))).extracting(PanelRow::year).containsExactly(2023, 2024, 2025);
    }

    @Test
    void theNamesOfOneDepartmentAreAllShown() {
        PanelRow party2018 = series(n -> n.contains("江苏省委") && n.contains("办公厅")).get(1);
        assertThat(String.join("；", party2018.names())).contains("江苏省委办公厅（010-", "中共江苏省委办公厅（011-");
        PanelRow party2017 = series(n -> n.contains("江苏省委") && n.contains("办公厅")).get(0);
        assertThat(String.join("；", party2017.names())).contains("中国共产党江苏省委员会办公厅");
    }

    @Test
    void aNarrativeAndItsTablesAreOneReportAndADraftIsMarked() {
        PanelRow party2018 = series(n -> n.contains("江苏省委") && n.contains("办公厅")).get(1);
        assertThat(party2018.budget().otherFiles()).hasSize(1);
        assertThat(party2018.budget().differences()).isEmpty();
        // 508.2 is stated only in the volume of tables (011), filled into the narrative's report (010)
        assertThat(party2018.budget().number("three_public.budget")).isEqualByComparingTo("508.2");

        PanelRow wanli2025 = series(n -> n.contains("万里街道")).get(2);
        assertThat(wanli2025.budget().file()).contains("292-");
        assertThat(wanli2025.budget().otherFiles()).hasSize(2).allMatch(f -> f.contains("draft"));
        assertThat(wanli2025.budget().differences()).anyMatch(d -> d.startsWith("procurement.total: 4821.2"));
    }

    @Test
    void aDepartmentsReportAndItsOrgansUnitReportStayApart() {
        List<PanelRow> office = panel.rows().stream().filter(r -> "上海市普陀区人民政府办公室".equals(r.department())).toList();
        assertThat(office).extracting(PanelRow::scope).containsExactlyInAnyOrder("部门", "单位");
    }

    @Test
    void derivedChangesAreTheDifferenceOfTheRecordsValues() {
        int checked = 0;
        for (PanelRow r : panel.rows()) {
            PanelRow previous = panel.rows().stream().filter(p -> p.identity().equals(r.identity())
                    && p.scope().equals(r.scope()) && p.year() == r.year() - 1).findFirst().orElse(null);
            for (Map.Entry<String, BigDecimal> c : r.budgetChanges().entrySet()) {
                assertThat(previous).isNotNull();
                assertThat(c.getValue()).isEqualByComparingTo(r.budget().number(c.getKey()).subtract(previous.budget().number(c.getKey())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void derivedChangesCheckedByHandAgainstTheReports() {
        // each is also the change the later report states (与上年相比增加…): 018 p.?, 007, 010, 003, 292
        assertThat(series(n -> n.contains("江苏省政协")).get(2).budgetChanges().get("totals.grand_total")).isEqualByComparingTo("3226.63");
        assertThat(series(n -> n.contains("江苏省人大")).get(1).budgetChanges().get("totals.grand_total")).isEqualByComparingTo("2248.37");
        assertThat(series(n -> n.contains("江苏省委") && n.contains("办公厅")).get(1).budgetChanges().get("totals.grand_total"))
                .isEqualByComparingTo("3608.98");
        assertThat(series(n -> n.contains("检察院")).get(2).budgetChanges().get("totals.grand_total")).isEqualByComparingTo("2214.39");
        assertThat(series(n -> n.contains("检察院")).get(2).budgetChanges().get("operating_expenses.budget")).isEqualByComparingTo("-330.65");
        assertThat(series(n -> n.contains("万里街道")).get(1).budgetChanges().get("three_public.budget")).isEqualByComparingTo("25");
        assertThat(series(n -> n.contains("万里街道")).get(2).budgetChanges().get("three_public.budget")).isEqualByComparingTo("-10");
        // no change where a year is missing: the court's 2019 budget has no 2018 budget beside it
        assertThat(series(n -> n.contains("江苏省高级人民法院")).get(1).budgetChanges()).isEmpty();
    }

    @Test
    void noCrossYearFindingOnTheSeriesWhoseStatedChangesAgreeWithLastYear() {
        // every stated change of the series agrees with last year's report (checked by hand); the 2019 检察院's
        // 增长10.06% beside 增加2214.39万元 (10.09% of 21955.35) is that report's own rate, not last year's figure
        assertThat(panel.findings()).isEmpty();
    }
}
