package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.api.Test;

/**
 * Reports written sentence by sentence as the national templates word them (收、支总计均为, 2023年度收入合计,
 * 一般公共预算当年拨款 … 授予中小企业合同金额), with figures of our own: every field a template states is read,
 * and nothing else.
 */
class TemplateWordingTest {

    private static Map<String, String> fields(String name) {
        Path file = Path.of("src/test/resources/variants", name);
        Pipeline.Outcome outcome = new Pipeline().process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        ReportRecord record = ((Pipeline.Extracted) outcome).record();
        Map<String, String> got = new TreeMap<>();
        record.fields().forEach(f -> got.put(f.key(), f.value() instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(f.value())));
        return got;
    }

    @Test
    void everyFieldTheFinalAccountsTemplateStatesIsRead() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("doc.department", "杭州市西湖区水务局"), Map.entry("doc.fiscal_year", "2023"),
                Map.entry("doc.kind", "final_accounts"), Map.entry("doc.volume", "narrative"),
                // 杭州市西湖区: the district of 杭州市 (the other 西湖区 is 南昌市's)
                Map.entry("doc.region.province", "浙江省"), Map.entry("doc.region.city", "杭州市"),
                Map.entry("doc.region.county", "西湖区"), Map.entry("doc.region.code", "330106"),
                Map.entry("totals.grand_total", "1234.56"), Map.entry("totals.grand_total_change", "123.45"),
                Map.entry("totals.grand_total_change_pct", "11.11"),
                Map.entry("income.total", "1200"), Map.entry("income.fiscal_appropriation", "1100"), Map.entry("income.other", "100"),
                Map.entry("expenditure.total", "1150"), Map.entry("expenditure.basic", "900"), Map.entry("expenditure.project", "250"),
                Map.entry("appropriation.grand_total", "1100"),
                Map.entry("general_budget.expenditure", "1000"), Map.entry("general_budget.budget", "950"),
                Map.entry("general_budget.completion_rate", "105.26"),
                Map.entry("basic.total", "900"), Map.entry("basic.personnel", "800"), Map.entry("basic.public", "100"),
                Map.entry("three_public.budget", "10"), Map.entry("three_public.actual", "8"), Map.entry("three_public.completion_rate", "80"),
                Map.entry("three_public.overseas", "0"), Map.entry("three_public.vehicles", "5"), Map.entry("three_public.vehicle_purchase", "0"),
                Map.entry("three_public.vehicle_operation", "5"), Map.entry("three_public.reception", "3"),
                Map.entry("three_public.reception_batches", "20"), Map.entry("three_public.reception_visitors", "150"),
                Map.entry("three_public.vehicle_fleet", "3"),
                Map.entry("gov_fund.expenditure", "0"), Map.entry("state_capital.expenditure", "0"),
                Map.entry("operating_expenses.actual", "100"), Map.entry("operating_expenses.change", "10"),
                Map.entry("operating_expenses.change_pct", "11.11"),
                Map.entry("procurement.total", "50"), Map.entry("procurement.goods", "20"), Map.entry("procurement.works", "0"),
                Map.entry("procurement.services", "30"), Map.entry("procurement.sme", "40"),
                Map.entry("assets.vehicles", "5"), Map.entry("assets.equipment_over_1m", "0")));
        assertThat(fields("final_accounts_national_template.txt")).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyFieldTheBudgetTemplateStatesIsRead() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("doc.department", "杭州市西湖区水务局"), Map.entry("doc.fiscal_year", "2026"), Map.entry("doc.kind", "budget"),
                Map.entry("doc.volume", "narrative"),
                Map.entry("doc.region.province", "浙江省"), Map.entry("doc.region.city", "杭州市"),
                Map.entry("doc.region.county", "西湖区"), Map.entry("doc.region.code", "330106"),
                Map.entry("totals.grand_total", "1500"), Map.entry("totals.grand_total_change", "100"),
                Map.entry("totals.grand_total_change_pct", "7.14"),
                Map.entry("income.total", "1500"), Map.entry("income.general_budget", "1400"), Map.entry("income.gov_fund", "0"),
                Map.entry("income.other", "100"),
                Map.entry("expenditure.total", "1500"), Map.entry("expenditure.basic", "1000"), Map.entry("expenditure.project", "500"),
                Map.entry("appropriation.grand_total", "1400"), Map.entry("general_budget.expenditure", "1400"),
                Map.entry("basic.total", "900"), Map.entry("basic.personnel", "800"), Map.entry("basic.public", "100"),
                Map.entry("three_public.budget", "12"), Map.entry("three_public.change", "-2"), Map.entry("three_public.change_pct", "-14.29"),
                Map.entry("three_public.overseas", "0"), Map.entry("three_public.vehicles", "8"), Map.entry("three_public.vehicle_purchase", "0"),
                Map.entry("three_public.vehicle_operation", "8"), Map.entry("three_public.reception", "4"),
                Map.entry("gov_fund.expenditure", "0"),
                Map.entry("operating_expenses.budget", "100"), Map.entry("operating_expenses.change", "5"),
                Map.entry("operating_expenses.change_pct", "5.26"),
                Map.entry("procurement.total", "50"), Map.entry("procurement.goods", "20"), Map.entry("procurement.works", "0"),
                Map.entry("procurement.services", "30"), Map.entry("procurement.sme", "40"),
                Map.entry("assets.vehicles", "5"), Map.entry("assets.equipment_over_1m", "0")));
        assertThat(fields("budget_national_template.txt")).containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** A change without a subject (较上年减少2万元) is 机关运行经费's only under its heading: a report without one lends it none. */
    @Test
    void aSubjectlessChangeIsReadOnlyUnderItsHeading(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("budget.txt");
        java.nio.file.Files.writeString(file, "杭州市西湖区水务局2026年部门预算\n2026年“三公”经费预算安排12万元，较上年减少2万元。\n");
        Pipeline.Outcome outcome = new Pipeline().process(file, file.toString());
        ReportRecord record = ((Pipeline.Extracted) outcome).record();
        assertThat(record.field("three_public.change")).isPresent();
        assertThat(record.field("operating_expenses.change")).isEmpty();
    }
}
