package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.ingest.ocr.ImageOnlyPdf;
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
    void scansAreRunOnTheirOwnAndTheirOcrPagesPerSecondSetAgainstTextPages(@TempDir Path dir) throws Exception {
        Path scan = ImageOnlyPdf.build(Path.of("corpus", "real", "长沙市信访局-2026-部门预算.pdf"),
                dir.resolve("scans").resolve("cover.pdf"), ImageOnlyPdf.Style.scanned(150, 1), List.of(1));
        Path work = dir.resolve("work");
        CliRun run = CliRun.of("benchmark", "corpus/real/长沙市信访局-2026-部门预算.pdf", "--scans", scan.toString(),
                "--copies", "1", "--repeat", "1", "--stages", "full", "-t", "1", "--work", work.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l)
                .matches("  full  1 worker\\(s\\): +[0-9.]+ s +[0-9.]+ reports/s +[0-9.]+ pages/s  peak RSS +[0-9]+ MB"));
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l)
                .matches("  ocr   1 worker\\(s\\): +[0-9.]+ s +[0-9.]+ reports/s +[0-9.]+ OCR pages/s  peak RSS +[0-9]+ MB"));
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l)
                .matches("  OCR pages/s against full pages/s, 1 worker\\(s\\): [0-9.]+"));
        List<String> tsv = Files.readAllLines(work.resolve("benchmark.tsv"));
        assertThat(tsv).hasSize(3);
        assertThat(tsv.get(1)).startsWith("full\t1\t1\t").contains("\t32\t0\t");
        assertThat(tsv.get(2)).startsWith("ocr\t1\t1\t").contains("\t1\t1\t");
    }

    @Test
    void aStageThatDoesNotExistIsAUsageError() {
        CliRun run = CliRun.of("benchmark", "corpus/seeds", "--stages", "parse,fast");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("benchmark: --stages takes parse, full or both (parse,full), not parse,fast",
                "Try 'disclosure-extractor benchmark --help' for more information.");
    }
}
