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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by Ctrl-C (SIGINT), SIGTERM or kill -9, as a user or a system stops it, then resumed: the
 * files being read when it stopped are not recorded as failures but read by --resume, the records equal
 * those of an uninterrupted reading, the CSV files keep their header, and no worker outlives its run.
 */
class StopTest {

    private static final Duration LONG = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private List<String> extract(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("extract"));
        args.addAll(Runs.reportPaths());
        args.addAll(List.of("-o", out.toString(), "--progress", "none"));
        args.addAll(List.of(more));
        return args;
    }

    private void stopMidwayThenResume(String signal, boolean toGroup, int status) throws Exception {
        Path out = dir.resolve("out");
        Path log = dir.resolve("run.log");
        String[] args = extract(out, "--threads", "2").toArray(String[]::new);
        Process run = toGroup ? Runs.startInGroup(log, args) : Runs.start(log, args);
        try {
            Runs.await("two records", LONG, () -> Runs.lines(out.resolve("records.jsonl")) >= 2 || !run.isAlive());
            assertThat(run.isAlive()).as("the run is still going: " + Files.readString(log)).isTrue();

            // meanwhile, a second run into the same folder is refused, naming the first
            Runs.InJvm second = Runs.run(extract(out, "--resume").toArray(String[]::new));
            assertThat(second.status()).isEqualTo(2);
            assertThat(second.err()).contains(out.toString()).contains("pid " + run.pid());

            if (toGroup) {
                Runs.signalGroup(run, signal); // the run and its workers alike, as a terminal's Ctrl-C
            } else {
                Runs.signal(run, signal);
            }
            assertThat(run.waitFor(LONG.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String said = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(said).isEqualTo(status);
            assertThat(said).contains("--resume").contains("files done");
            assertThat(said).doesNotContain("Exception");
        } finally {
            Runs.cleanUp(run);
        }
        JsonNode summary = Runs.summary(out);
        assertThat(summary.path("interrupted").asBoolean()).isTrue();
        assertThat(summary.path("stopped_by").asText()).isEqualTo(signal);
        int done = Runs.lines(out.resolve("records.jsonl"));
        assertThat(done).as("stopped part-way").isBetween(2, Runs.REPORTS.size());
        assertThat(Files.readString(out.resolve("errors.jsonl"))).as("no file in flight recorded as failed").isEmpty();
        assertThat(out.resolve(".lock")).doesNotExist();

        Runs.InJvm resumed = Runs.run(extract(out, "--resume").toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Runs.summary(out).path("skipped").asInt()).isEqualTo(done);
        assertThat(Runs.records(out)).isEqualTo(Runs.expectedRecords());
        assertThat(Files.readString(out.resolve("errors.jsonl"))).isEmpty();
        assertHeaders(out);
    }

    @Test
    void ctrlCMidwayThenResumeGivesTheRecordsOfAnUninterruptedRun() throws Exception {
        stopMidwayThenResume("INT", true, 130);
    }

    @Test
    void sigtermMidwayThenResumeGivesTheRecordsOfAnUninterruptedRun() throws Exception {
        stopMidwayThenResume("TERM", false, 143);
    }

    @Test
    void killedInItsFirstSecondThenResumedEveryCsvHasItsHeader() throws Exception {
        Path out = dir.resolve("out");
        Process run = Runs.start(dir.resolve("run.log"), extract(out).toArray(String[]::new));
        try {
            Runs.await("the outputs created", LONG, () -> Files.exists(out.resolve("findings.csv")) || !run.isAlive());
            Runs.signal(run, "KILL");
            run.waitFor();
        } finally {
            Runs.cleanUp(run);
        }
        assertHeaders(out); // written and synced as each file was created
        // as if killed while the headers were being written: one torn, one empty
        Path values = out.resolve("values.csv");
        Files.write(values, java.util.Arrays.copyOf(Files.readAllBytes(values), 20));
        Files.write(out.resolve("items.csv"), new byte[0]);

        Runs.InJvm resumed = Runs.run(extract(out, "--resume").toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertHeaders(out);
        assertThat(Runs.records(out)).isEqualTo(Runs.expectedRecords());
    }

    @Test
    void killMinus9OfTheRunLeavesNoWorker() throws Exception {
        Path out = dir.resolve("out");
        Process run = Runs.start(dir.resolve("run.log"), extract(out, "--threads", "2").toArray(String[]::new));
        List<ProcessHandle> workers;
        try {
            Runs.await("a record", LONG, () -> Runs.lines(out.resolve("records.jsonl")) >= 1 || !run.isAlive());
            workers = run.descendants().toList();
            assertThat(workers).as("the run's workers").isNotEmpty();
            Runs.signal(run, "KILL");
            run.waitFor();
            Runs.await("the workers to end", Duration.ofSeconds(60), () -> workers.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            Runs.cleanUp(run);
        }
    }

    /** Every CSV output begins with its header, once. */
    static void assertHeaders(Path out) throws Exception {
        Map<String, String> first = Map.of("records.csv", "file,sha256,format,pages,reason,damage,",
                "values.csv", "file,key,label,value,unit,page,section,text,rule\r\n",
                "items.csv", "file,department,year,table,title,row_code,row_name,column,amount,page,rule\r\n",
                "findings.csv", "file,department,year,rule,severity,message_zh,message_en,expected,actual,difference,values\r\n");
        for (var e : first.entrySet()) {
            String text = Files.readString(out.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertThat(text).as(e.getKey()).startsWith("\uFEFF" + e.getValue());
            assertThat(text.split("file,", -1).length - 1).as(e.getKey() + ": one header").isGreaterThanOrEqualTo(1);
            assertThat(text.indexOf("\uFEFF", 1)).as(e.getKey() + ": one byte order mark").isEqualTo(-1);
        }
        Set<String> lines = Set.copyOf(Files.readAllLines(out.resolve("records.csv"), StandardCharsets.UTF_8));
        assertThat(lines.stream().filter(l -> l.startsWith("file,sha256")).count()).isLessThanOrEqualTo(1);
    }
}
