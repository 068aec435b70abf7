package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook of a real run opens in LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run): converted
 * headless to CSV, sheet by sheet, its figures read back are the numbers of records.jsonl and its codes keep their
 * digits. Fails, never skips, where LibreOffice is missing.
 */
class LibreOfficeTest {

    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void theCorpusWorkbookReadBackByLibreOfficeHoldsTheNumbersOfTheRecords() throws Exception {
        Path run = CorpusRun.folder();
        convert(run.resolve(Workbook.FILE));
        Map<String, JsonNode> records = WorkbookCorpusTest.records(run);

        List<CSVRecord> rows = csv(dir.resolve("records-报告.csv"));
        List<String> keys = rows.get(1).toList();
        assertThat(rows.get(0).get(keys.indexOf("three_public.reception"))).isEqualTo("公务接待费（万元）");
        int numbers = 0;
        for (CSVRecord row : rows.subList(2, rows.size())) {
            JsonNode record = records.get(row.get(keys.indexOf("file")));
            assertThat(record).as(row.get(0)).isNotNull();
            for (Column c : RecordRows.recordColumns()) {
                if (c.type() != Column.Type.DECIMAL) {
                    continue;
                }
                JsonNode value = RecordRows.field(record, c.key()).path("value");
                String shown = row.get(keys.indexOf(c.key()));
                if (value.isNumber()) {
                    assertThat(new BigDecimal(shown)).as(c.key() + " of " + row.get(0)).isEqualByComparingTo(value.decimalValue());
                    numbers++;
                } else {
                    assertThat(shown).as(c.key()).isEmpty();
                }
            }
        }
        assertThat(numbers).isGreaterThan(300);

        List<CSVRecord> items = csv(dir.resolve("records-表格明细.csv"));
        int code = items.get(1).toList().indexOf("row_code");
        int amount = items.get(1).toList().indexOf("amount");
        long itemCount = records.values().stream().mapToLong(r -> r.path("tables").size()).sum();
        assertThat(items).hasSize((int) itemCount + 2);
        for (CSVRecord row : items.subList(2, items.size())) {
            assertThat(row.get(code)).matches("\\d*");
            assertThat(new BigDecimal(row.get(amount))).isNotNull();
        }
    }

    /** Converts a workbook headless into one CSV per sheet (records-<sheet>.csv), with a profile of its own. */
    private void convert(Path workbook) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        // , separated, " quoted, UTF-8 (76), from line 1; values as stored (not as shown); every sheet (-1)
        String filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
        ProcessBuilder pb = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--convert-to", filter, "--outdir", dir.toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("LibreOffice (soffice) cannot be started: " + e.getMessage()
                    + "; install Debian's libreoffice-calc-nogui (.ci/run does)");
            return;
        }
        try {
            assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("soffice ends within %d s", TIMEOUT_SECONDS).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        assertThat(file).as("written by LibreOffice").exists();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }
}
