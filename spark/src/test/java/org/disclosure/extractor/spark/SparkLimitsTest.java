package org.disclosure.extractor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file past a limit — time inside the executor, memory in a worker process — ends as an error with its reason,
 * and the job goes on with the other files.
 */
class SparkLimitsTest {

    @TempDir
    static Path dir;

    /** A good report, and one report's text over and over: 8 MB, far more than can be read in a second. */
    static Path slow;
    /** A good report, and 60 MB of one report's text: more than a worker's heap of 160 MB holds. */
    static Path large;

    @BeforeAll
    static void files() throws IOException {
        slow = folder("slow", 8);
        large = folder("large", 60);
    }

    private static Path folder(String name, int megabytes) throws IOException {
        Path in = Files.createDirectories(dir.resolve(name));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("good.txt"));
        String report = Files.readString(Path.of("corpus/seeds/000_efef604f64877e59.txt"), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(in.resolve("endless.txt"), StandardCharsets.UTF_8)) {
            for (long written = 0; written < megabytes * 1024L * 1024; written += report.getBytes(StandardCharsets.UTF_8).length) {
                w.write(report);
            }
        }
        return in;
    }

    private static Map<String, String> run(String name, JobOptions options) throws IOException {
        Path out = dir.resolve(name);
        ExtractJob.run(LocalSpark.session(), options.withJsonl(true));
        return SparkHostileFilesTest.outcomes(SparkMatchesCliTest.partLines(out.resolve("jsonl/records")),
                SparkMatchesCliTest.partLines(out.resolve("jsonl/errors")));
    }

    @Test
    void aFileOverTheTimeLimitIsAbandonedInsideTheTaskAndTheJobGoesOn() throws IOException {
        long started = System.nanoTime();
        Map<String, String> outcomes = run("timeout", JobOptions.of(List.of(slow.toString()), dir.resolve("timeout").toString())
                .withLimits(1, 100L << 20));
        assertThat(outcomes).containsEntry("endless.txt", "error:timeout").containsEntry("good.txt", "record");
        assertThat((System.nanoTime() - started) / 1e9).as("the file was given up, not waited for").isLessThan(60);
    }

    @Test
    void aFileThatExhaustsItsWorkersMemoryIsAnErrorAndTheJobGoesOn() throws IOException {
        Map<String, String> outcomes = run("memory", JobOptions.of(List.of(large.toString()), dir.resolve("memory").toString())
                .withLimits(600, 100L << 20).withIsolation(true, "160m"));
        assertThat(outcomes).containsEntry("endless.txt", "error:out-of-memory").containsEntry("good.txt", "record");
    }

    @Test
    void aTaskReadsInWorkersWhenAskedOrWhenItsEarlierAttemptFailed() {
        assertThat(ReadFiles.isolated(0, false)).isFalse();
        assertThat(ReadFiles.isolated(1, false)).isTrue();
        assertThat(ReadFiles.isolated(0, true)).isTrue();
    }
}
