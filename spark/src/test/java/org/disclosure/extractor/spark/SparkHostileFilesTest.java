package org.disclosure.extractor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.cli.Main;
import org.disclosure.extractor.hostile.HostileFolder;
import org.disclosure.extractor.output.JsonRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of every bad kind with good reports in one job: the job completes, every good report has its record, and
 * every file ends as the CLI ends it (the same empty-record reason or error reason).
 */
class SparkHostileFilesTest {

    @TempDir
    static Path dir;

    static RunSummary summary;
    static Map<String, String> cli;
    static Map<String, String> spark;
    static Map<String, JsonNode> sparkRecords;

    @BeforeAll
    static void bothRuns() throws IOException, InterruptedException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("good-001.txt"));
        Files.copy(Path.of("corpus/rendered/004_417c17a55a2502cf.docx"), in.resolve("good-004.docx"));
        Files.copy(Path.of("corpus/rendered/000_efef604f64877e59.pdf"), in.resolve("good-000.pdf"));
        HostileFolder.badFiles(in);
        HostileFolder.logBombPdf(in.resolve("log-bomb.pdf"));
        try (RandomAccessFile sparse = new RandomAccessFile(in.resolve("huge.pdf").toFile(), "rw")) {
            sparse.setLength(20L << 30); // 20 GB with no blocks: refused by its size, never read
        }
        assertThat(new ProcessBuilder("mkfifo", in.resolve("pipe.pdf").toString()).inheritIO().start().waitFor())
                .as("mkfifo").isZero();
        Files.createSymbolicLink(in.resolve("dev-zero.pdf"), Path.of("/dev/zero"));
        Path cliOut = dir.resolve("cli");
        assertThat(Main.run("extract", in.toString(), "-o", cliOut.toString(), "--progress", "none")).isZero();
        cli = outcomes(Files.readAllLines(cliOut.resolve("records.jsonl")), Files.readAllLines(cliOut.resolve("errors.jsonl")));
        Path sparkOut = dir.resolve("spark");
        summary = ExtractJob.run(LocalSpark.session(), JobOptions.of(List.of(in.toString()), sparkOut.toString()).withJsonl(true));
        List<String> records = SparkMatchesCliTest.partLines(sparkOut.resolve("jsonl/records"));
        spark = outcomes(records, SparkMatchesCliTest.partLines(sparkOut.resolve("jsonl/errors")));
        sparkRecords = SparkMatchesCliTest.byFile(records);
    }

    /** Each file's outcome by its name: the reason of its empty record, "record", or "error:" and its reason. */
    static Map<String, String> outcomes(List<String> records, List<String> errors) throws IOException {
        Map<String, String> outcomes = new TreeMap<>();
        for (String line : records) {
            JsonNode n = JsonRecords.MAPPER.readTree(line);
            String reason = n.path("reason").asText("");
            outcomes.put(name(n.at("/source/file").asText()), reason.isEmpty() ? "record" : reason.replaceFirst(":.*", ""));
        }
        for (String line : errors) {
            JsonNode n = JsonRecords.MAPPER.readTree(line);
            outcomes.put(name(n.path("file").asText()), "error:" + n.path("reason").asText());
        }
        return outcomes;
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    @Test
    void theJobCompletesWithEveryGoodReportExtracted() {
        assertThat(spark).containsEntry("good-001.txt", "record").containsEntry("good-004.docx", "record")
                .containsEntry("good-000.pdf", "record");
        assertThat(sparkRecords.values()).extracting(r -> r.at("/doc/department/value").asText())
                .contains("蓝山县医疗保障局", "广元市医疗保障局", "邻水县医疗保障局");
        assertThat(summary.files()).isEqualTo(cli.size());
    }

    @Test
    void everyFileEndsAsTheCliEndsIt() {
        assertThat(spark).isEqualTo(cli);
        assertThat(spark).containsEntry("encrypted.pdf", "error:encrypted").containsEntry("zero.pdf", "error:empty-file")
                .containsEntry("huge.pdf", "error:too-large");
    }

    @Test
    void theErrorsTableListsTheFilesNotRead() {
        List<Row> errors = LocalSpark.session().read().parquet(dir.resolve("spark/errors").toString()).collectAsList();
        assertThat(errors).hasSize((int) cli.values().stream().filter(v -> v.startsWith("error:")).count());
        assertThat(errors).allSatisfy(r -> assertThat(r.<String>getAs("message")).startsWith(r.<String>getAs("file") + ":"));
    }
}
