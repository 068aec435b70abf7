package org.disclosure.extractor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 150 real files of ../shared/unlabelled (table volumes, narratives, unit budgets, a scan read by OCR,
 * non-reports): the Spark job in local[2] gives every file the record, or the error, that extract gives it.
 */
class SparkUnlabelledTest {

    static final Path UNLABELLED = Path.of("../shared/unlabelled").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static Path cli;
    static Path spark;

    @BeforeAll
    static void bothRuns() throws IOException {
        assertThat(UNLABELLED).as("../shared/unlabelled beside the repository").isDirectory();
        cli = dir.resolve("cli");
        spark = dir.resolve("spark");
        assertThat(Main.run("extract", UNLABELLED.toString(), "-o", cli.toString(), "--progress", "none", "-t", "2")).isZero();
        ExtractJob.run(LocalSpark.session(), JobOptions.of(List.of(UNLABELLED.toString()), spark.toString()).withJsonl(true));
    }

    @Test
    void everyFileHasTheCliRecordFieldByField() throws IOException {
        Map<String, JsonNode> expected = SparkMatchesCliTest.byFile(Files.readAllLines(cli.resolve("records.jsonl")));
        Map<String, JsonNode> actual = SparkMatchesCliTest.byFile(SparkMatchesCliTest.partLines(spark.resolve("jsonl/records")));
        assertThat(expected).hasSizeGreaterThan(140);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((file, record) -> SparkMatchesCliTest.differences(file, "", record, actual.get(file), differences));
        assertThat(differences).isEmpty();
    }

    @Test
    void everyFileNotReadHasTheCliError() throws IOException {
        assertThat(SparkHostileFilesTest.outcomes(List.of(), SparkMatchesCliTest.partLines(spark.resolve("jsonl/errors"))))
                .isEqualTo(SparkHostileFilesTest.outcomes(List.of(), Files.readAllLines(cli.resolve("errors.jsonl"))));
    }
}
