package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.disclosure.extractor.output.CheckPrinter;
import org.disclosure.extractor.unlabelled.UnlabelledReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `check` on real files: a report, a scan, a template and a non-report each say what they are, with their exit status. */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two pages of an image with no text on it (bars, as a redacted scan): OCR finds nothing to read. */
    private static final String SCAN = blankScan();
    private static final String TEMPLATE = real("305-unit_budget_template.xlsx");
    private static final String NOT_A_REPORT = real("043-政务服务和数据管理局_广州市政务服务和数据局2026年部门整体预算绩效目标申报表.pdf");
    /** A report that contradicts itself (an error finding on its change in operating expenses). */
    private static final String CONTRADICTING = real("001-2017年省检察院部门预算.pdf");
    /** A report with no finding. */
    private static final String CLEAN = "corpus/seeds/001_627f347534218911.txt";

    private static String blankScan() {
        try {
            Path file = Path.of("target", "check-command-test", "scanned.pdf");
            Files.createDirectories(file.getParent());
            org.disclosure.extractor.hostile.HostileFolder.scannedPdf(file);
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String real(String name) {
        Path p = UnlabelledReports.FOLDER.resolve(name);
        assertThat(p).as("a real file of ../shared/unlabelled").isRegularFile();
        return p.toString();
    }

    @Test
    void filesNotReadAsReportsSayWhyOnTheirOwnLineAndExit3() {
        CliRun run = CliRun.of("check", "-t", "1", "--ocr", "never", SCAN, TEMPLATE, NOT_A_REPORT);
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.outLines().get(1)).startsWith("  no text: the file holds no readable text");
        assertThat(run.outLines()).containsExactly(
                SCAN + "  — not read as a report, not checked",
                run.outLines().get(1),
                TEMPLATE + "  — not read as a report, not checked",
                "  blank template: names and figures are placeholders (XX), not a filled-in report",
                NOT_A_REPORT + "  — not read as a report, not checked",
                "  not a report: 部门整体预算绩效目标申报表: a performance-target form (绩效目标表), not a disclosure report");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).matches("check: 3 files: 0 reports read \\(0 with errors, 0 with warnings\\), "
                + "3 not read \\(no-text 1, not-a-report 1, template 1\\); [0-9.]+ s");
    }

    @Test
    void aCleanReportExits0AndAnErrorFindingExits1EvenBesideAScan() throws Exception {
        CliRun clean = CliRun.of("check", CLEAN);
        assertThat(clean.status()).isZero();
        assertThat(clean.outLines()).containsExactly(CLEAN + "  蓝山县医疗保障局 2023 — no findings");
        assertThat(clean.errLines().get(0)).startsWith("check: 1 file: 1 report read (0 with errors, 0 with warnings), 0 not read; ");

        CliRun mixed = CliRun.of("check", "-t", "1", "--ocr", "never", "--format", "json", CONTRADICTING, SCAN);
        assertThat(mixed.status()).isEqualTo(1);
        List<String> lines = mixed.outLines();
        assertThat(lines).hasSize(2);
        JsonNode report = JSON.readTree(lines.get(0));
        assertThat(report.path("file").asText()).isEqualTo(CONTRADICTING);
        assertThat(report.path("status").asText()).isEqualTo("report");
        assertThat(report.path("reason").isNull()).isTrue();
        assertThat(report.path("department").asText()).isEqualTo("江苏省人民检察院");
        assertThat(report.path("year").asText()).isEqualTo("2017");
        assertThat(report.path("errors").asInt()).isEqualTo(report.path("findings").size()).isPositive();
        JsonNode value = report.at("/findings/0/values/0");
        assertThat(value.path("key").asText()).isNotEmpty();
        assertThat(value.at("/provenance/page").asInt()).isPositive();
        assertThat(value.at("/provenance/text").asText()).contains("机关运行经费");
        JsonNode scan = JSON.readTree(lines.get(1));
        assertThat(scan.path("status").asText()).isEqualTo("not-read");
        assertThat(scan.path("reason").asText()).isEqualTo("no-text");
        assertThat(scan.path("message").asText()).startsWith("no text: the file holds no readable text");
        assertThat(scan.path("findings").size()).isZero();
        assertThat(mixed.errLines().get(0)).startsWith("check: 2 files: 1 report read (1 with errors, 0 with warnings), "
                + "1 not read (no-text 1); ");
    }

    @Test
    void csvHasTheColumnsOfFindingsCsvAndTheFileStatus(@TempDir Path dir) throws Exception {
        Path broken = Files.write(dir.resolve("broken.docx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CliRun run = CliRun.of("check", "-t", "1", "--format", "csv", CONTRADICTING, CLEAN, broken.toString());
        assertThat(run.status()).isEqualTo(1);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(run.out())).getRecords();
        assertThat(rows.get(0).toList()).isEqualTo(CheckPrinter.CSV_HEADER);
        assertThat(CheckPrinter.CSV_HEADER.subList(0, 11)).containsExactly("file", "department", "year", "rule",
                "severity", "message_zh", "message_en", "expected", "actual", "difference", "values");
        List<CSVRecord> findings = rows.stream().filter(r -> r.get(0).equals(CONTRADICTING)).toList();
        assertThat(findings).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get(4)).isEqualTo("error");
            assertThat(r.get(11)).isEqualTo("report");
            assertThat(r.get(10)).contains("«");
        });
        List<CSVRecord> clean = rows.stream().filter(r -> r.get(0).equals(CLEAN)).toList();
        assertThat(clean).hasSize(1);
        assertThat(clean.get(0).get(1)).isEqualTo("蓝山县医疗保障局");
        assertThat(clean.get(0).get(3)).isEmpty();
        assertThat(clean.get(0).get(11)).isEqualTo("report");
        List<CSVRecord> unreadable = rows.stream().filter(r -> r.get(0).equals(broken.toString())).toList();
        assertThat(unreadable).hasSize(1);
        assertThat(unreadable.get(0).get(11)).isEqualTo("not-read");
        assertThat(unreadable.get(0).get(13)).startsWith("could not be read (" + unreadable.get(0).get(12) + "): ");
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(CheckPrinter.CSV_HEADER.size()));
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void aFolderWithNoFilesIsSaidAndExits3(@TempDir Path dir) {
        CliRun run = CliRun.of("check", dir.toString());
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("check: no files found in " + dir + "; nothing to check");
    }

    @Test
    void nothingIsLeftInTheTemporaryFolder() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("disclosure-check-")).count();
        }
        assertThat(CliRun.of("check", CLEAN).status()).isZero();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("disclosure-check-")).count()).isEqualTo(before);
        }
    }
}
