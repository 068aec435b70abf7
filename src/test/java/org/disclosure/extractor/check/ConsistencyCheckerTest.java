package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        return record.findings();
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

    @Test
    void incomeShortOfTheGrandTotalIsReported() {
        Finding f = only(findings(SEED_003), "equal/totals.income_total");
        assertThat(f.difference()).isEqualByComparingTo("-0.02");
        namesBothPlaces(f, "本年收入合计645.53万元", "收、支总计645.55万元");
    }
}
