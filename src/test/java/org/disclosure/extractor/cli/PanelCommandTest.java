package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCommandTest {

    private static String record(String file, String department, int year, String total) {
        String title = year + "年" + department + "部门预算";
        return "{\"source\":{\"file\":\"" + file + "\"},\"doc\":{"
                + "\"department\":{\"value\":\"" + department + "\",\"provenance\":{\"text\":\"" + title + "\"}},"
                + "\"fiscal_year\":{\"value\":" + year + ",\"provenance\":{\"text\":\"" + title + "\"}},"
                + "\"kind\":{\"value\":\"budget\",\"provenance\":{\"text\":\"" + title + "\",\"span\":[" + (title.length() - 4)
                + "," + title.length() + "]}}},"
                + "\"totals\":{\"grand_total\":{\"value\":" + total + ",\"provenance\":{\"text\":\"收支预算总计" + total + "万元。\"}}},"
                + "\"findings\":[],\"tables\":[]}";
    }

    @Test
    void writesThePanelAndItsFindingsFromRunsAndSaysWhatItRead(@TempDir Path dir) throws Exception {
        Path run1 = Files.createDirectories(dir.resolve("run1"));
        Files.writeString(run1.resolve("records.jsonl"), record("a.pdf", "江苏省政协办公厅", 2018, "10150.48") + "\n"
                + "{\"source\":{\"file\":\"x.pdf\"},\"reason\":\"not-a-report: a checklist\",\"findings\":[],\"tables\":[]}\n"
                + "{\"torn", StandardCharsets.UTF_8);
        Path run2 = dir.resolve("run2.jsonl");
        Files.writeString(run2, record("b.pdf", "江苏省政协办公厅", 2019, "13377.11") + "\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("panel", run1.toString(), run2.toString(), "-o", dir.resolve("out").toString());

        assertThat(run.status()).isZero();
        assertThat(run.errLines()).containsExactly(
                run1.resolve("records.jsonl") + ":3: not a record as extract writes them (Unexpected end-of-input in"
                        + " field name); line skipped",
                "panel: 3 records (1 without figures, not placed), 2 rows of 1 department, 0 cross-year findings -> "
                        + dir.resolve("out").resolve("panel.csv"));
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("panel.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("\uFEFF行政区划代码,省份,").contains("收入支出总计·预算（万元）");
        assertThat(csv.get(1)).startsWith("region_code,province,").contains("totals.grand_total.budget_change_derived");
        assertThat(csv.get(3)).contains(",2019,").contains("13377.11").contains("3226.63");
        assertThat(dir.resolve("out").resolve("panel_findings.csv")).exists();
        assertThat(dir.resolve("out").resolve("panel.xlsx")).isNotEmptyFile();

        // the same rows in the database and the Parquet files, amounts exact
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = db.createStatement()) {
            s.execute("ATTACH '" + dir.resolve("out").resolve("panel.duckdb") + "' AS p (READ_ONLY)");
            java.sql.ResultSet r = s.executeQuery("SELECT year, totals_grand_total_budget_change_derived FROM p.panel ORDER BY year");
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(2018);
            assertThat(r.getBigDecimal(2)).isNull();
            assertThat(r.next()).isTrue();
            assertThat(r.getBigDecimal(2)).isEqualByComparingTo("3226.63");
            r = s.executeQuery("SELECT count(*) FROM read_parquet('" + dir.resolve("out").resolve("parquet").resolve("panel.parquet") + "')");
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aRunsOwnFolderKeepsItsOutputs(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("records.jsonl"), record("a.pdf", "江苏省政协办公厅", 2018, "10150.48") + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(run.resolve("records.duckdb"), "the run's database", StandardCharsets.UTF_8);
        Files.writeString(run.resolve("records.xlsx"), "the run's workbook", StandardCharsets.UTF_8);
        Files.writeString(run.resolve("records.csv"), "the run's records", StandardCharsets.UTF_8);
        Files.createDirectories(run.resolve("parquet"));
        Files.writeString(run.resolve("parquet").resolve("records.parquet"), "the run's records", StandardCharsets.UTF_8);

        assertThat(CliRun.of("panel", run.toString(), "-o", run.toString()).status()).isZero();

        assertThat(run.resolve("records.duckdb")).hasContent("the run's database");
        assertThat(run.resolve("records.xlsx")).hasContent("the run's workbook");
        assertThat(run.resolve("records.csv")).hasContent("the run's records");
        assertThat(run.resolve("parquet").resolve("records.parquet")).hasContent("the run's records");
        assertThat(run.resolve("panel.duckdb")).exists();
        assertThat(run.resolve("panel.xlsx")).exists();
        assertThat(run.resolve("parquet").resolve("panel.parquet")).exists();
        try (var left = Files.list(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void onlyTheFormatsAskedForAndHeaderRowsAsAsked(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run.jsonl");
        Files.writeString(run, record("a.pdf", "江苏省政协办公厅", 2018, "10150.48") + "\n", StandardCharsets.UTF_8);

        assertThat(CliRun.of("panel", run.toString(), "-o", dir.resolve("out").toString(), "--formats", "csv",
                "--headers", "key").status()).isZero();

        try (var written = Files.list(dir.resolve("out"))) {
            assertThat(written.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("panel.csv", "panel_findings.csv");
        }
        assertThat(Files.readAllLines(dir.resolve("out").resolve("panel.csv"), StandardCharsets.UTF_8).get(0))
                .startsWith("\uFEFFregion_code,province,");
        CliRun wrong = CliRun.of("panel", run.toString(), "-o", dir.resolve("out").toString(), "--formats", "csv,pdf");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.errLines().get(0)).isEqualTo("panel: --formats: no format pdf; choose among csv, xlsx, duckdb, parquet");
    }

    @Test
    void aRunWithoutRecordsIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("panel", dir.toString(), "-o", dir.resolve("out").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("panel: " + dir + " holds no records.jsonl; give the folder an extract run"
                + " wrote, or its records.jsonl");
    }
}
