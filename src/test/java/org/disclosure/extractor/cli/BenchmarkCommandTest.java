package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `benchmark` prints its results on stdout and keeps them in benchmark.json and benchmark.tsv, saying where. */
class BenchmarkCommandTest {

    @Test
    void resultsGoToStdoutAndToFilesItNames(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        CliRun run = CliRun.of("benchmark", "corpus/seeds/001_627f347534218911.txt", "--copies", "1", "--repeat", "1",
                "--stages", "parse", "-t", "1", "--work", work.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("fastest of 1 round(s), peak RSS the highest of any round:");
        assertThat(run.outLines().get(1)).matches("  parse 1 worker\\(s\\): +[0-9.]+ s +[0-9.]+ reports/s +[0-9.]+ pages/s  peak RSS +[0-9]+ MB");
        assertThat(run.err()).contains("benchmark: results kept in " + work.resolve("benchmark.json") + " and "
                + work.resolve("benchmark.tsv"));
        JsonNode json = new ObjectMapper().readTree(work.resolve("benchmark.json").toFile());
        assertThat(json.at("/runs/0/stage").asText()).isEqualTo("parse");
        List<String> tsv = Files.readAllLines(work.resolve("benchmark.tsv"));
        assertThat(tsv).hasSize(2);
        assertThat(tsv.get(0)).isEqualTo("stage\tworkers\tfiles\tseconds\treports_per_second\tpages\tocr_pages\tpages_per_second\t"
                + "peak_rss_mb\texit_code");
        assertThat(tsv.get(1)).startsWith("parse\t1\t1\t").endsWith("\t0");
    }

    @Test
    void aStageThatDoesNotExistIsAUsageError() {
        CliRun run = CliRun.of("benchmark", "corpus/seeds", "--stages", "parse,fast");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("benchmark: --stages takes parse, full or both (parse,full), not parse,fast",
                "Try 'disclosure-extractor benchmark --help' for more information.");
    }
}
