package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.disclosure.extractor.unlabelled.UnlabelledReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole of ../shared/unlabelled (150 real files) and one hostile input of every kind, read once without
 * a stop and once with a kill -9 and a Ctrl-C in between, resumed each time: the two give the same records
 * and the same error lines, and a further --resume reads nothing.
 */
class SoakTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    private static Path dir;
    private static Path hostile;

    @BeforeAll
    static void makeTheHostileFolder() throws Exception {
        dir = Files.createTempDirectory("soak").toRealPath();
        hostile = dir.resolve("hostile");
        HostileFolder.fill(hostile, dir.resolve("outside"));
    }

    @AfterAll
    static void removeIt() throws Exception {
        if (dir != null) {
            Tool.sh(dir, "rm -rf \"$1\"", dir.toString());
        }
    }

    private static String[] extract(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("extract", UnlabelledReports.FOLDER.toString(), hostile.toString(),
                "-o", out.toString(), "--progress", "none", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Starts a run, waits until {@code lines} records and errors are written, then sends {@code signal}. */
    private static void stopAfter(Path out, int lines, String signal, String... more) throws Exception {
        Process run = Runs.start(dir.resolve("run-" + signal + ".log"), extract(out, more));
        try {
            Runs.await(lines + " lines", LONG, () -> done(out) >= lines || !run.isAlive());
            assertThat(run.isAlive()).as("still running when stopped: " + Files.readString(dir.resolve("run-" + signal + ".log"))).isTrue();
            List<ProcessHandle> workers = run.descendants().toList();
            Runs.signal(run, signal);
            assertThat(run.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Runs.await("its workers to end", Duration.ofSeconds(60), () -> workers.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            Runs.cleanUp(run);
        }
    }

    private static int done(Path out) {
        return Runs.lines(out.resolve("records.jsonl")) + Runs.lines(out.resolve("errors.jsonl"));
    }

    private static Map<String, String> errors(Path out) throws Exception {
        Map<String, String> byFile = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = Runs.JSON.readTree(line);
            assertThat(byFile.put(n.path("file").asText(), n.path("reason").asText())).as("one line per file").isNull();
        }
        return byFile;
    }

    @Test
    void killedAndInterruptedRunsResumedGiveTheRecordsOfAnUninterruptedOne() throws Exception {
        Path whole = dir.resolve("whole");
        Process once = Runs.start(dir.resolve("whole.log"), extract(whole));
        try {
            assertThat(once.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(once.exitValue()).as(Files.readString(dir.resolve("whole.log"))).isZero();
        } finally {
            Runs.cleanUp(once);
        }
        int all = done(whole);
        assertThat(Runs.lines(whole.resolve("records.jsonl"))).isGreaterThanOrEqualTo(UnlabelledReports.FOLDER.toFile().list().length - 5);
        assertThat(errors(whole)).containsValues("not-a-regular-file", "link-outside-input", "broken-link", "too-large",
                "encrypted", "zip-bomb");

        Path stopped = dir.resolve("stopped");
        stopAfter(stopped, all / 3, "KILL");
        stopAfter(stopped, 2 * all / 3, "INT", "--resume");
        Runs.InJvm last = Runs.run(extract(stopped, "--resume"));
        assertThat(last.status()).as(last.err()).isZero();

        assertThat(Runs.records(stopped)).isEqualTo(Runs.records(whole));
        assertThat(errors(stopped)).isEqualTo(errors(whole));
        assertThat(errors(stopped)).doesNotContainValue("worker-crashed");
        StopTest.assertHeaders(stopped);

        Runs.InJvm again = Runs.run(extract(stopped, "--resume"));
        assertThat(again.status()).as(again.err()).isZero();
        JsonNode summary = Runs.summary(stopped);
        assertThat(summary.path("records").asInt()).as("nothing read again").isZero();
        assertThat(Runs.records(stopped)).isEqualTo(Runs.records(whole));
    }
}
