package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.cli.Main;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordWriters;
import org.disclosure.extractor.unlabelled.UnlabelledReports;

/**
 * What the tests of runs that are stopped, killed or crowded need: a run started as a process of its own
 * (as a user starts it), waiting for what can be seen of it (a line in records.jsonl, a worker) rather than
 * for fixed times, signals, and the records of real reports as an uninterrupted reading gives them.
 */
final class Runs {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Real reports of 30 to 40 pages from ../shared/unlabelled: each takes a worker a second or more. */
    static final List<String> REPORTS = List.of("140-2026年深圳市医疗保障局部门预算.pdf", "157-2026年深圳市统计局部门预算.pdf",
            "192-2026年苏州市应急管理局部门预算.pdf", "178-2026年广州市科学技术局部门预算.pdf", "145-2026年深圳市审计局部门预算.pdf",
            "206-2026年无锡市统计局部门预算.pdf", "221-2026年福州市公安局部门预算.pdf", "278-2026年珠海市商务局部门预算.pdf");

    private Runs() {
    }

    /** The reports as paths, named as UnlabelledReports names them (so that their records compare). */
    static List<String> reportPaths() {
        return REPORTS.stream().map(n -> UnlabelledReports.FOLDER.resolve(n).toString()).toList();
    }

    /** The records.jsonl lines an uninterrupted reading of these reports gives, parsed. */
    static Set<JsonNode> expectedRecords() throws IOException {
        Set<JsonNode> records = new HashSet<>();
        for (String name : REPORTS) {
            Pipeline.Outcome o = UnlabelledReports.outcome(name);
            assertThat(o).as(name).isInstanceOf(Pipeline.Extracted.class);
            records.add(JSON.readTree(RecordWriters.render(((Pipeline.Extracted) o).record()).json()));
        }
        return records;
    }

    /** The records of a records.jsonl, parsed, in no order. */
    static Set<JsonNode> records(Path out) throws IOException {
        Set<JsonNode> records = new HashSet<>();
        List<String> lines = Files.readAllLines(out.resolve("records.jsonl"), StandardCharsets.UTF_8);
        for (String line : lines) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).as("no record twice").hasSize(lines.size());
        return records;
    }

    /** Lines (newlines) in a file now, read as bytes: the file may be half-written. */
    static int lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            int n = 0;
            for (byte b : Files.readAllBytes(file)) {
                if (b == '\n') {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A run of the extractor in a process of its own, its output (stdout and stderr) into {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        return start(false, log, args);
    }

    /**
     * A run in a process group of its own ({@code setsid}), as a shell starts a command: a signal to the group
     * reaches the run and its workers alike, as Ctrl-C on a terminal does.
     */
    static Process startInGroup(Path log, String... args) throws IOException {
        return start(true, log, args);
    }

    private static Process start(boolean group, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(group ? List.of("setsid") : List.of());
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the condition holds; fails after {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit.toSeconds() + " s for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Sends a signal (INT, TERM, KILL) with kill(1); fails when kill is missing. */
    static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).redirectErrorStream(true).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + signal + ": " + new String(kill.getInputStream().readAllBytes())).isZero();
    }

    /** Sends a signal to a process's whole group (started by {@link #startInGroup}), as a terminal does on Ctrl-C. */
    static void signalGroup(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + p.pid()).redirectErrorStream(true).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -" + signal + " to the group: " + new String(kill.getInputStream().readAllBytes())).isZero();
    }

    /** Ends a process and everything it started, whatever state it is in. */
    static void cleanUp(Process p) throws InterruptedException {
        List<ProcessHandle> all = p.descendants().toList();
        p.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join();
        }
    }

    /** A run in this JVM, its exit status and what it wrote on stderr. */
    record InJvm(int status, String err) {
    }

    static synchronized InJvm run(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new InJvm(status, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
            before.print(buf.toString(StandardCharsets.UTF_8));
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static JsonNode summary(Path out) throws IOException {
        return JsonRecords.MAPPER.readTree(out.resolve("summary.json").toFile());
    }
}
