package org.disclosure.extractor.unlabelled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.evaluate.Evaluation;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.output.JsonRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three image-only PDFs of ../shared/unlabelled (scans without a text layer, which gave {@code no-text} before
 * OCR), read by OCR. 069 is a Beijing 2026 budget: its record is scored against figures a person read from the page
 * images (src/test/resources/unlabelled/scanned). 217 and 219 are, whatever their file names say, a 长沙市财政局
 * evaluation of one department's special funds (专项资金/项目支出绩效评价结果), not disclosure reports: read, they are
 * told apart as such, as their text sibling 218 is.
 */
class ScannedReportTest {

    private static final Path CHECKED = Path.of("src", "test", "resources", "unlabelled", "scanned");
    private static final String BEIJING = "069-政务服务和数据管理局_2026年部门预算.pdf";

    /** The identity and the main totals: what a reader of the scan must get. */
    private static final List<String> MAIN = List.of("doc.department", "doc.fiscal_year", "doc.kind",
            "totals.grand_total", "expenditure.total", "expenditure.basic", "expenditure.project",
            "three_public.budget");

    @TempDir
    Path out;

    @Test
    void theScannedBeijingBudgetGivesItsDepartmentYearAndTotals() throws IOException {
        ReportRecord record = read(BEIJING, 8);
        assertThat(record.reason()).as("reason").isNull();
        Path records = out.resolve("records.jsonl");
        Files.writeString(records, JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record)) + "\n");
        Evaluation.Result result = Evaluation.run(CHECKED, records);
        String misses = result.misses().stream()
                .map(m -> String.format("%n  %-8s %-36s by hand %s got %s", m.what(), m.key(), m.gold(), m.got()))
                .collect(Collectors.joining());
        assertThat(result.misses()).as("the identity and main totals; misses:%s", misses)
                .noneMatch(m -> MAIN.contains(m.key()));
        assertThat(result.total().fp()).as("wrong or invented values; misses:%s", misses).isZero();
        assertThat(result.total().f1()).as("F1 against the figures read by hand; misses:%s", misses)
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theScannedEvaluationsOfSpecialFundsAreToldApartAsNoReport() {
        ReportRecord traffic = read("217-公安局交通警察局_2026年部门预算.pdf", 7);
        assertThat(traffic.reason()).startsWith("not-a-report: 专项资金绩效评价结果").contains("项目支出绩效评价报告");
        // 219's title (…部门项目支出绩效评价结果) is read as …评价结采, which no title pattern knows; a later line
        // naming 新闻宣传 then calls it a news item: not a report all the same, and no figure is filled
        ReportRecord market = read("219-市场监督管理局_2026年部门预算.pdf", 6);
        assertThat(market.reason()).startsWith("not-a-report");
        assertThat(market.fields()).noneMatch(f -> f.key().startsWith("totals.") || f.key().startsWith("income."));
    }

    /** The record of a scan, checking that every one of its pages was read by OCR. */
    private static ReportRecord read(String file, int pages) {
        Pipeline.Outcome outcome = UnlabelledReports.outcome(file);
        assertThat(outcome).as(file).isInstanceOf(Pipeline.Extracted.class);
        ReportRecord record = ((Pipeline.Extracted) outcome).record();
        assertThat(record.source().ocr()).as("OCR reading of %s", file).isNotNull();
        assertThat(record.source().ocr().pages()).as("pages of %s read by OCR", file).hasSize(pages);
        return record;
    }
}
