package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.disclosure.extractor.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-file limits: time, size and memory; a file past one is listed with its reason and the run goes on. */
class LimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path in;

    @BeforeAll
    static void files() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("good.txt"));
        // a 60 MB report: one real report's text over and over, far more than can be read in 10 s (a minute
        // and more); a good file read first in a fresh worker on a busy machine may take 2 s or more
        String report = Files.readString(Path.of("corpus/seeds/000_efef604f64877e59.txt"), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(in.resolve("endless.txt"), StandardCharsets.UTF_8)) {
            for (long written = 0; written < 60L * 1024 * 1024; written += report.getBytes(StandardCharsets.UTF_8).length) {
                w.write(report);
            }
        }
        try (RandomAccessFile huge = new RandomAccessFile(in.resolve("huge.pdf").toFile(), "rw")) {
            huge.setLength(301L * 1024 * 1024); // sparse: takes no room on disk
        }
    }

    private static Map<String, JsonNode> outcomes(Path out) throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            byName.put(Path.of(n.at("/source/file").asText()).getFileName().toString(), n);
        }
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            byName.put(Path.of(n.path("file").asText()).getFileName().toString(), n);
        }
        return byName;
    }

    @Test
    void aFileOverTheTimeLimitIsStoppedAndTheRunGoesOn() throws IOException {
        Path out = dir.resolve("timeout");
        long started = System.nanoTime();
        int status = Main.run("extract", in.toString(), "-o", out.toString(), "--timeout", "10", "--threads", "1",
                "--progress", "none");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(status).isZero();
        Map<String, JsonNode> o = outcomes(out);
        assertThat(o.get("endless.txt").path("reason").asText()).isEqualTo("timeout");
        assertThat(o.get("endless.txt").path("message").asText()).contains("10 s");
        assertThat(o.get("good.txt").at("/doc/department/value").asText()).isEqualTo("蓝山县医疗保障局");
        assertThat(o.get("huge.pdf").path("reason").asText()).isEqualTo("too-large");
        assertThat(seconds).as("the stuck file was stopped, not waited for").isLessThan(60);
    }

    @Test
    void aFileThatExhaustsItsWorkersMemoryIsListedAndTheRunGoesOn() throws IOException {
        Path out = dir.resolve("memory");
        int status = Main.run("extract", in.toString(), "-o", out.toString(), "--worker-heap", "160m",
                "--timeout", "600", "--threads", "1", "--max-size", "400", "--progress", "none");
        assertThat(status).isZero();
        Map<String, JsonNode> o = outcomes(out);
        assertThat(o.get("endless.txt").path("reason").asText()).isEqualTo("out-of-memory");
        assertThat(o.get("good.txt").at("/doc/department/value").asText()).isEqualTo("蓝山县医疗保障局");
        assertThat(o).hasSize(3);
    }
}
