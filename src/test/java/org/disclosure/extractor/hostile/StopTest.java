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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by Ctrl-C (SIGINT), SIGTERM or kill -9, as a user or a system stops it, then resumed: the
 * files being read when it stopped are not recorded as failures but read by --resume, the records equal
 * those of an uninterrupted reading, the tables (CSV) are whole with their headers, and no worker outlives its run.
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
    void killedInItsFirstSecondThenResumedEveryCsvIsWholeWithItsHeaders() throws Exception {
        Path out = dir.resolve("out");
        Process run = Runs.start(dir.resolve("run.log"), extract(out).toArray(String[]::new));
        try {
            Runs.await("the outputs created", LONG, () -> Files.exists(out.resolve("records.jsonl")) || !run.isAlive());
            Runs.signal(run, "KILL");
            run.waitFor();
        } finally {
            Runs.cleanUp(run);
        }
        // the tables are written when a run ends, each beside its place and then moved in: a kill leaves none half
        for (String csv : List.of("records.csv", "values.csv", "items.csv", "findings.csv", "errors.csv")) {
            if (Files.exists(out.resolve(csv))) {
                assertHeaders(out);
            }
        }
        // as if killed while the tables were being written: a torn file beside records.csv, never read as a report
        Files.write(out.resolve("records.csv.tmp"), "\uFEFF文件,文件哈".getBytes(StandardCharsets.UTF_8));

        Runs.InJvm resumed = Runs.run(extract(out, "--resume").toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertHeaders(out);
        assertThat(Runs.records(out)).isEqualTo(Runs.expectedRecords());
        assertThat(out.resolve("records.csv.tmp")).doesNotExist();
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

    /** Every CSV output begins with its Chinese header row and its key row, once, after one byte order mark. */
    static void assertHeaders(Path out) throws Exception {
        Map<String, String> keys = Map.of("records.csv", "file,sha256,format,pages,reason,damage,ocr_pages,doc.department,kind_zh,",
                "values.csv", "file,department,year,kind,key,label_zh,value,number,unit,page,section,text,span_start,span_end,rule,ocr,ocr_confidence\r\n",
                "items.csv", "file,department,year,kind,table,title,row_code,row_name,column,amount,page,rule,ocr,ocr_confidence\r\n",
                "findings.csv", "file,department,year,kind,rule,severity,message_zh,message_en,expected,actual,difference,values\r\n",
                "errors.csv", "file,sha256,reason,message\r\n");
        for (var e : keys.entrySet()) {
            String text = Files.readString(out.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertThat(text).as(e.getKey()).startsWith("\uFEFF文件,");
            assertThat(text.substring(text.indexOf("\r\n") + 2)).as(e.getKey()).startsWith(e.getValue());
            assertThat(text.split("\r\nfile,", -1).length - 1).as(e.getKey() + ": one key row").isEqualTo(1);
            assertThat(text.indexOf("\uFEFF", 1)).as(e.getKey() + ": one byte order mark").isEqualTo(-1);
        }
    }
}
