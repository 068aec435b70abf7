package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file is read in the run's own process, without a worker: its record is the one a worker gives, and
 * the time limit still holds.
 */
class OneFileTest {

    @TempDir
    Path dir;

    @Test
    void oneReportReadInProcessGivesTheRecordAWorkerGives() throws Exception {
        String report = Runs.reportPaths().get(0);
        Path out = dir.resolve("out");
        Runs.InJvm run = Runs.run("extract", report, "-o", out.toString(), "--progress", "none");
        assertThat(run.status()).as(run.err()).isZero();
        Set<?> expected = Runs.expectedRecords().stream()
                .filter(r -> r.at("/source/file").asText().equals(report)).collect(java.util.stream.Collectors.toSet());
        assertThat(Runs.records(out)).isEqualTo(expected).hasSize(1);
    }

    @Test
    void oneFileOverTheTimeLimitIsListedAsTimeoutAndTheRunEnds() throws Exception {
        // a 60 MB report: one real report's text over and over, far more than can be read in 2 s
        Path endless = dir.resolve("endless.txt");
        String text = Files.readString(Path.of("corpus/seeds/000_efef604f64877e59.txt"), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(endless, StandardCharsets.UTF_8)) {
            for (long written = 0; written < 60L * 1024 * 1024; written += text.getBytes(StandardCharsets.UTF_8).length) {
                w.write(text);
            }
        }
        Path out = dir.resolve("out");
        long started = System.nanoTime();
        // a process of its own: the abandoned reading goes on until that process ends
        Process run = Runs.start(dir.resolve("run.log"), "extract", endless.toString(), "-o", out.toString(),
                "--timeout", "2", "--progress", "none");
        try {
            assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
        } finally {
            Runs.cleanUp(run);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.log"))).isEqualTo(1);
        assertThat(Files.readString(out.resolve("errors.jsonl"))).contains("\"reason\":\"timeout\"").contains("2 s");
        assertThat(seconds).as("the file was abandoned, not waited for").isLessThan(60);
    }
}
