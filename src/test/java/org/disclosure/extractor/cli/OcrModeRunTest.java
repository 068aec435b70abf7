package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.ingest.ocr.ImageOnlyPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --ocr given to extract reaches the processes that read the files: a scanned cover page (a real report's
 * first page rendered at 200 dpi, with no text layer: {@link ImageOnlyPdf}) is left unread with --ocr never, saying OCR is off, and
 * read with auto.
 * Two files are read in worker processes, one in the run's own process.
 */
class OcrModeRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COVER = Path.of("corpus/real/长沙市信访局-2026-部门预算.pdf");

    @TempDir
    static Path dir;

    private static Path scans;

    @BeforeAll
    static void scannedCovers() throws IOException {
        scans = Files.createDirectories(dir.resolve("scans"));
        ImageOnlyPdf.build(COVER, scans.resolve("a.pdf"), ImageOnlyPdf.Style.clean(200), List.of(1));
        Files.copy(scans.resolve("a.pdf"), scans.resolve("b.pdf"));
    }

    private static Map<String, JsonNode> extract(Path input, String out, String mode) throws IOException {
        Path folder = dir.resolve(out);
        CliRun run = CliRun.of("extract", input.toString(), "-o", folder.toString(), "--progress", "none", "--ocr", mode);
        assertThat(run.status()).as(run.err()).isIn(0, 1);
        Map<String, JsonNode> records = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("records.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            records.put(Path.of(r.at("/source/file").asText()).getFileName().toString(), r);
        }
        return records;
    }

    @Test
    void withOcrNeverTheScansAreLeftUnreadSayingOcrIsOffInWorkersAndInProcess() throws IOException {
        for (Map.Entry<String, Path> input : Map.of("never-workers", scans, "never-one", scans.resolve("a.pdf")).entrySet()) {
            Map<String, JsonNode> records = extract(input.getValue(), input.getKey(), "never");
            assertThat(records).as(input.getKey()).isNotEmpty();
            records.forEach((file, r) -> {
                String why = r.at("/source/ocr/unavailable").asText("");
                assertThat(why).as(input.getKey() + " " + file).contains("--ocr");
                assertThat(r.path("reason").asText()).isEqualTo("no-text: the file holds no readable text; " + why);
            });
            JsonNode summary = JSON.readTree(dir.resolve(input.getKey()).resolve("summary.json").toFile());
            assertThat(summary.at("/ocr/mode").asText()).isEqualTo("never");
            assertThat(summary.at("/ocr/unread").asInt()).isEqualTo(records.size());
        }
    }

    @Test
    void withOcrAutoTheScansAreReadInWorkers() throws IOException {
        // in workers only: the run's own process reads as they do (with --ocr never, above, it does too)
        for (Map.Entry<String, Path> input : Map.of("auto-workers", scans).entrySet()) {
            Map<String, JsonNode> records = extract(input.getValue(), input.getKey(), "auto");
            assertThat(records).as(input.getKey()).hasSize(2);
            records.forEach((file, r) -> {
                assertThat(r.at("/source/ocr/pages").toString()).as(input.getKey() + " " + file).isEqualTo("[1]");
                assertThat(r.at("/doc/kind/value").asText()).isEqualTo("budget");
                assertThat(r.at("/doc/fiscal_year/value").asInt()).isEqualTo(2026);
                assertThat(r.at("/doc/department/value").asText()).isEqualTo("长沙市信访局");
            });
            JsonNode summary = JSON.readTree(dir.resolve(input.getKey()).resolve("summary.json").toFile());
            assertThat(summary.at("/ocr/files").asInt()).isEqualTo(records.size());
            assertThat(summary.at("/ocr/pages").asInt()).isEqualTo(records.size());
        }
    }
}
