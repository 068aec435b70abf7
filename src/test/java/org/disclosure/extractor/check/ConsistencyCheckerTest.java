package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check on a real report: silent on the report as published, and naming both places once an error
 * is planted in a copy (one figure changed).
 */
class ConsistencyCheckerTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final Path SEED_000 = Path.of("corpus/seeds/000_efef604f64877e59.txt");
    private static final Path SEED_001 = Path.of("corpus/seeds/001_627f347534218911.txt");
    private static final Path SEED_003 = Path.of("corpus/seeds/003_b1ed29c5960ed8a2.txt");

    @TempDir
    Path dir;

    private static List<Finding> findings(Path file) {
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        ReportRecord record = ((Pipeline.Extracted) outcome).record();
        // a finding grouped under the figure that explains it is still raised: look at every symptom too
        return record.findings().stream().flatMap(Finding::withSymptoms).toList();
    }

    private List<Finding> planted(Path seed, String from, String to) throws IOException {
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        assertThat(text).as("the sentence to change is in the report").contains(from);
        Path copy = dir.resolve(seed.getFileName());
        Files.writeString(copy, text.replace(from, to), StandardCharsets.UTF_8);
        return findings(copy);
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> matching = findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(matching).as("findings %s", findings).hasSize(1);
        return matching.get(0);
    }

    private static void namesBothPlaces(Finding f, String plantedText, String otherText) {
        List<String> texts = f.values().stream().map(FieldValue::provenance).map(p -> p.text()).toList();
        assertThat(texts).anySatisfy(t -> assertThat(t).contains(plantedText));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains(otherText));
    }

    @Test
    void publishedReportWhoseFiguresAgreeRaisesNoError() {
        assertThat(findings(SEED_000)).noneMatch(Finding::isError);
        assertThat(findings(SEED_001)).noneMatch(Finding::isError);
    }

    @Test
    void personnelAndPublicExpensesMustMakeUpBasicExpenditure() throws IOException {
        Finding f = only(planted(SEED_000, "人员经费323.14万元", "人员经费333.14万元"), "sum/basic.personnel_public");
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.difference()).isEqualByComparingTo("-10");
        namesBothPlaces(f, "人员经费333.14万元", "基本支出440.34万元");
    }

    @Test
    void vehiclePurchaseAndOperationMustMakeUpVehicles() throws IOException {
        Finding f = only(planted(SEED_000, "公务用车运行维护费支出0.82万元", "公务用车运行维护费支出0.92万元"),
                "sum/three_public.vehicle_parts");
        namesBothPlaces(f, "公务用车运行维护费支出0.92万元", "公务用车购置及运行维护费支出决算0.82万元");
    }

    @Test
    void procurementPartsMustMakeUpItsTotal() throws IOException {
        Finding f = only(planted(SEED_000, "政府采购货物支出24.09万元", "政府采购货物支出20.09万元"), "sum/procurement.parts");
        assertThat(f.severity()).isEqualTo("error");
        namesBothPlaces(f, "政府采购货物支出20.09万元", "政府采购支出总额24.09万元");
    }

    @Test
    void aChangeRateMustFollowFromTheChangeAndLastYearsFigure() throws IOException {
        Finding f = only(planted(SEED_000, "减少5.07万元，下降64.26%", "减少5.07万元，下降54.26%"), "change/three_public.change");
        assertThat(f.expected()).isEqualByComparingTo("-64.26");
        assertThat(f.actual()).isEqualByComparingTo("-54.26");
    }

    @Test
    void aChangeAndItsRateMustGoTheSameWay() throws IOException {
        Finding f = only(planted(SEED_000, "减少5.07万元，下降64.26%", "减少5.07万元，增长64.26%"), "direction/three_public.change");
        assertThat(f.severity()).isEqualTo("error");
    }

    @Test
    void aCompletionRateMustFollowFromActualAndBudget() throws IOException {
        Finding f = only(planted(SEED_001, "完成预算的60%", "完成预算的70%"), "rate/three_public.completion");
        assertThat(f.expected()).isEqualByComparingTo("60");
        namesBothPlaces(f, "完成预算的70%", "支出决算为3万元");
    }

    private static Finding has(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " among " + findings));
    }

    @Test
    void threePublicItemsMustMakeUpTheTotal() throws IOException {
        Finding f = only(planted(SEED_000, "公务接待费支出决算2万元", "公务接待费支出决算2.5万元"), "sum/three_public.items");
        assertThat(f.difference()).isEqualByComparingTo("-0.5");
        namesBothPlaces(f, "公务接待费支出决算2.5万元", "支出决算为2.82万元");
    }

    @Test
    void basicAndProjectExpenditureCannotExceedTheTotal() throws IOException {
        Finding f = only(planted(SEED_000, "本年支出合计6796.16万元，其中：基本支出440.34万元",
                "本年支出合计6796.16万元，其中：基本支出540.34万元"), "sum/expenditure.basic_project");
        assertThat(f.severity()).isEqualTo("error");
    }

    @Test
    void incomeSourcesCannotExceedTheTotal() throws IOException {
        Finding f = only(planted(SEED_000, "一般公共预算财政拨款收入5996.78万元", "一般公共预算财政拨款收入6996.78万元"),
                "sum/income.sources");
        namesBothPlaces(f, "一般公共预算财政拨款收入6996.78万元", "本年收入合计6796.16万元");
    }

    @Test
    void theGrandTotalsChangeRateMustFollowFromItsChange() throws IOException {
        Finding f = only(planted(SEED_000, "收、支总计各减少351.21万元，下降4.91%", "收、支总计各减少351.21万元，下降5.91%"),
                "change/totals.change");
        assertThat(f.expected()).isEqualByComparingTo("-4.91");
    }

    @Test
    void operatingExpensesChangeRateMustFollowFromItsChange() throws IOException {
        Finding f = only(planted(SEED_000, "比2021年增加69.42万元，增长145.30%", "比2021年增加69.42万元，增长155.30%"),
                "change/operating_expenses.change");
        assertThat(f.expected()).isEqualByComparingTo("145.29"); // 69.42 on last year's 47.78
    }

    /** A change and a rate stated in two sentences may be about two things: at most a warning, never an accusation. */
    @Test
    void aChangeAndARateFromTwoSentencesAccuseNobody() throws IOException {
        List<Finding> findings = planted(SEED_000, "收、支总计各减少351.21万元，下降4.91%。",
                "收、支总计各减少351.21万元。与2021年相比，收、支总计各减少300万元，下降5.91%。");
        Finding f = only(findings, "change/totals.change");
        assertThat(f.values()).extracting(v -> v.provenance().text()).doesNotHaveDuplicates();
        assertThat(f.severity()).as("%s", f.values()).isEqualTo("warning");
    }

    @Test
    void theGeneralBudgetsCompletionRateMustFollowFromActualAndBudget() throws IOException {
        Finding f = only(planted(SEED_001, "完成年初预算的150%", "完成年初预算的160%"), "rate/general_budget.completion");
        namesBothPlaces(f, "完成年初预算的160%", "年初预算数为260.07万元");
    }

    @Test
    void aNarrativeFigureTheTableContradictsIsReported() throws IOException {
        Finding f = has(planted(SEED_001, "公务接待费支出决算3万元", "公务接待费支出决算4万元"), "stated_twice/three_public.reception");
        assertThat(f.values()).extracting(v -> v.provenance().rule())
                .anySatisfy(rule -> assertThat(rule).startsWith("table:"));
    }

    @Test
    void basicExpenditureCannotExceedTheGeneralBudgetExpenditure() throws IOException {
        String text = Files.readString(SEED_000, StandardCharsets.UTF_8);
        String sentence = java.util.regex.Pattern.compile("[^。\\n]*财政拨款基本支出440.34万元").matcher(text).results()
                .map(java.util.regex.MatchResult::group).findFirst().orElseThrow();
        Finding f = has(planted(SEED_000, sentence, sentence.replace("440.34", "6440.34")),
                "equal/basic.within_general_budget");
        assertThat(f.severity()).isEqualTo("error");
    }

    @Test
    void itemParagraphsOfARealBudgetThatContradictThemselvesAreReported() {
        List<Finding> findings = findings(Path.of("corpus/real/上海市普陀区司法局-2026-部门预算.pdf"));
        Finding rate = findings.stream().filter(f -> f.rule().equals("item_change/narrative"))
                .filter(f -> f.actual().compareTo(new BigDecimal("17.62")) == 0).findFirst().orElseThrow();
        assertThat(rate.expected()).isEqualByComparingTo("-91.11");
        Finding twice = has(findings, "item_stated_twice/narrative");
        assertThat(twice.values()).extracting(FieldValue::value).map(v -> ((BigDecimal) v).stripTrailingZeros())
                .containsExactlyInAnyOrder(new BigDecimal("208.8"), new BigDecimal("201.5"));
    }

    @Test
    void theSameItemParagraphsCorrectedRaiseNothing() throws IOException {
        String wrong = "6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。主要用于：依法治区、法制业务经费等支出。"
                + "2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。";
        String head = "上海市XX区2026年区级部门预算\n预算主管部门：上海市XX区司法局\n一、一般公共预算支出预算情况\n";
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, head + wrong + "\n", StandardCharsets.UTF_8);
        assertThat(findings(bad)).extracting(Finding::rule).contains("item_change/narrative");
        Path good = dir.resolve("good.txt");
        Files.writeString(good, head + wrong.replace("增加17.62%", "减少91.11%") + "\n", StandardCharsets.UTF_8);
        assertThat(findings(good)).extracting(Finding::rule).doesNotContain("item_change/narrative");
    }

    @Test
    void incomeShortOfTheGrandTotalIsReported() {
        Finding f = only(findings(SEED_003), "equal/totals.income_total");
        assertThat(f.difference()).isEqualByComparingTo("-0.02");
        namesBothPlaces(f, "本年收入合计645.53万元", "收、支总计645.55万元");
    }
}
