package org.disclosure.extractor.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.cli.Main;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job over the bundled corpus in local[2] gives what {@code disclosure-extractor extract} gives over it:
 * the same records, field by field, and the same rows in every table.
 */
class SparkMatchesCliTest {

    @TempDir
    static Path dir;

    static Path cli;
    static Path spark;
    static RunSummary summary;

    @BeforeAll
    static void bothRuns() throws IOException {
        Path corpus = Path.of("corpus").toAbsolutePath();
        cli = dir.resolve("cli");
        spark = dir.resolve("spark");
        assertThat(Main.run("extract", corpus.toString(), "-o", cli.toString(), "--progress", "none",
                "--formats", "parquet")).isZero();
        summary = ExtractJob.run(LocalSpark.session(), JobOptions.of(List.of(corpus.toString()), spark.toString()).withJsonl(true));
    }

    @Test
    void everyRecordIsTheCliRecordFieldByField() throws IOException {
        Map<String, JsonNode> expected = byFile(Files.readAllLines(cli.resolve("records.jsonl")));
        Map<String, JsonNode> actual = byFile(partLines(spark.resolve("jsonl/records")));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(expected).hasSizeGreaterThan(10);
        List<String> differences = new ArrayList<>();
        expected.forEach((file, record) -> differences(file, "", record, actual.get(file), differences));
        assertThat(differences).isEmpty();
    }

    @Test
    void theSummaryCountsAsTheClis() throws IOException {
        JsonNode cliSummary = JsonRecords.MAPPER.readTree(cli.resolve("summary.json").toFile());
        JsonNode sparkSummary = JsonRecords.MAPPER.readTree(spark.resolve("summary.json").toFile());
        for (String key : List.of("files", "records", "errors", "empty_by_reason", "errors_by_reason")) {
            assertThat(sparkSummary.path(key)).as(key).isEqualTo(cliSummary.path(key));
        }
        assertThat(summary.line(spark.toString())).startsWith("extract: " + cliSummary.path("files").asInt() + " files");
    }

    @Test
    void everyTableHoldsTheCliTablesRows() {
        SparkSession session = LocalSpark.session();
        for (String table : RecordTables.NAMES) {
            Dataset<Row> mine = session.read().parquet(spark.resolve(table).toString());
            Dataset<Row> theirs = session.read().parquet(cli.resolve("parquet").resolve(table + ".parquet").toString());
            Column[] columns = RecordTables.columns(table).stream()
                    .map(c -> col(c.databaseName()).cast("string")).toArray(Column[]::new);
            Dataset<Row> a = mine.select(columns);
            Dataset<Row> b = theirs.select(columns);
            assertThat(a.count()).as(table + " rows").isEqualTo(b.count());
            assertThat(a.exceptAll(b).collectAsList()).as(table + " rows only the Spark job has").isEmpty();
            assertThat(b.exceptAll(a).collectAsList()).as(table + " rows only the CLI has").isEmpty();
        }
    }

    @Test
    void tablesArePartitionedByProvinceAndYear() throws IOException {
        try (Stream<Path> s = Files.list(spark.resolve("records"))) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("province="));
        }
        Dataset<Row> records = LocalSpark.session().read().parquet(spark.resolve("records").toString());
        assertThat(records.filter(col("province").isNotNull().and(col("year").isNotNull())).count()).isPositive();
        assertThat(records.filter(col("doc_region_province").notEqual(col("province"))).count()).isZero();
    }

    static Map<String, JsonNode> byFile(List<String> lines) throws IOException {
        return SparkBenchmark.byFile(lines);
    }

    static List<String> partLines(Path folder) throws IOException {
        return SparkBenchmark.partLines(folder);
    }

    /** The paths where two JSON trees differ, with both values. */
    static void differences(String file, String at, JsonNode a, JsonNode b, List<String> out) {
        if (b == null || a.getNodeType() != b.getNodeType() || a.isValueNode() && !a.equals(b)) {
            out.add(file + " " + at + ": CLI " + a + ", Spark " + b);
            return;
        }
        if (a.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                differences(file, at + "/" + name, a.get(name), b.get(name), out);
            }
            b.fieldNames().forEachRemaining(name -> {
                if (!a.has(name)) {
                    out.add(file + " " + at + "/" + name + ": only in Spark's");
                }
            });
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                out.add(file + " " + at + ": CLI " + a.size() + " elements, Spark " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                differences(file, at + "/" + i, a.get(i), b.get(i), out);
            }
        }
    }
}
