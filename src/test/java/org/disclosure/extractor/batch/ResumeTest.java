package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.disclosure.extractor.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed part-way and resumed gives the same outputs as one that was never stopped, and a resumed
 * run reads only what is new or changed.
 */
class ResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path in;
    private static Path whole;

    @BeforeAll
    static void anUninterruptedRun() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        List<String> sources = List.of("corpus/seeds/000_efef604f64877e59.txt", "corpus/seeds/001_627f347534218911.txt",
                "corpus/seeds/002_5c11e5d911459f7e.txt", "corpus/seeds/003_b1ed29c5960ed8a2.txt",
                "corpus/seeds/004_417c17a55a2502cf.txt", "corpus/rendered/004_417c17a55a2502cf.docx",
                "corpus/rendered/000_efef604f64877e59.pdf");
        for (int copy = 0; copy < 2; copy++) {
            for (String s : sources) {
                Path from = Path.of(s);
                Files.copy(from, in.resolve(copy + "-" + from.getFileName()));
            }
        }
        Files.createFile(in.resolve("empty.docx"));
        whole = dir.resolve("whole");
        assertThat(Main.run("extract", in.toString(), "-o", whole.toString(), "--progress", "none")).isZero();
    }

    private static Set<String> lines(Path file) throws IOException {
        return new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void assertSameOutputs(Path a, Path b) throws IOException {
        for (String name : List.of("records.jsonl", "errors.jsonl", "records.csv", "values.csv", "items.csv", "findings.csv",
                "errors.csv")) {
            Set<String> expected = lines(a.resolve(name));
            Set<String> actual = lines(b.resolve(name));
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new HashSet<>(actual);
            extra.removeAll(expected);
            assertThat(missing.size() + " missing, " + extra.size() + " extra").as(name + ": " + firstDifference(missing, extra))
                    .isEqualTo("0 missing, 0 extra");
            assertThat(Files.readAllLines(b.resolve(name)).size()).as(name + " has no line twice").isEqualTo(actual.size());
        }
    }

    private static String firstDifference(Set<String> missing, Set<String> extra) {
        if (missing.isEmpty() || extra.isEmpty()) {
            return "";
        }
        String a = missing.iterator().next();
        String b = extra.iterator().next();
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return "expected …" + a.substring(Math.max(0, i - 120), Math.min(a.length(), i + 80)) + "… but got …"
                + b.substring(Math.max(0, i - 120), Math.min(b.length(), i + 80)) + "…";
    }

    @Test
    void aKilledRunResumedGivesTheSameOutputsAsAnUninterruptedOne() throws Exception {
        Path out = dir.resolve("killed");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "extract", in.toString(), "-o", out.toString(), "--threads", "1", "--progress", "none")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path records = out.resolve("records.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        // lines counted as bytes: the file is being written, its last line may end mid-character
        while (newlines(records) < 3 && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> workers = run.descendants().toList();
        run.destroyForcibly(); // SIGKILL: no shutdown hook, whatever was being written stays half-written
        run.waitFor();
        workers.forEach(ProcessHandle::destroyForcibly);
        int before = newlines(records);
        assertThat(before).as("the run was stopped part-way").isBetween(3, 14);
        // as if the kill had come in the middle of writing a record
        Files.writeString(records, "{\"source\":{\"file\":\"half", StandardOpenOption.APPEND);
        // or in the middle of writing the tables (each is written beside its place, then moved in)
        Files.writeString(out.resolve("values.csv.tmp"), in.resolve("1-000_efef604f64877e59.txt") + ",doc.depart");

        assertThat(Main.run("extract", in.toString(), "-o", out.toString(), "--resume", "--progress", "none")).isZero();

        assertSameOutputs(whole, out);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("skipped").asInt()).isGreaterThanOrEqualTo(before);
    }

    private static int newlines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int n = 0;
        for (byte b : Files.readAllBytes(file)) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    @Test
    void aResumedRunReadsOnlyNewAndChangedFiles() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        try (var files = Files.list(in)) {
            for (Path f : files.toList()) {
                Files.copy(f, mine.resolve(f.getFileName()));
            }
        }
        Path out = dir.resolve("again");
        assertThat(Main.run("extract", mine.toString(), "-o", out.toString(), "--progress", "none")).isZero();
        assertThat(Main.run("extract", mine.toString(), "-o", out.toString(), "--progress", "none")).as("refused: the folder holds results").isEqualTo(2);
        assertThat(Main.run("extract", mine.toString(), "-o", out.toString(), "--resume", "--progress", "none")).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("skipped").asInt()).as("nothing new").isEqualTo(15);
        assertThat(summary.path("records").asInt()).isZero();
        assertThat(Files.readAllLines(out.resolve("records.jsonl")).size()).isEqualTo(14);

        Path more = Files.createDirectories(dir.resolve("more"));
        Files.copy(in.resolve("0-002_5c11e5d911459f7e.txt"), more.resolve("new.txt"));
        Path changed = mine.resolve("1-002_5c11e5d911459f7e.txt");
        Files.writeString(changed, Files.readString(changed, StandardCharsets.UTF_8).replace("万元", " 万元"),
                StandardCharsets.UTF_8);
        assertThat(Main.run("extract", mine.toString(), more.toString(), "-o", out.toString(), "--resume",
                "--progress", "none")).isZero();
        summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("skipped").asInt()).as("all but the new and the changed file").isEqualTo(14);
        assertThat(summary.path("records").asInt()).isEqualTo(2);
        long forChanged = Files.readAllLines(out.resolve("records.jsonl")).stream()
                .filter(l -> l.contains(changed.toString())).count();
        assertThat(forChanged).as("the changed file's old record is replaced").isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("records.jsonl")).size()).isEqualTo(15);
    }
}
