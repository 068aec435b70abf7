package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.cli.Main;
import org.disclosure.extractor.hostile.HostileFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of every bad kind, made here, in one batch with good reports: each ends in a specific error or
 * empty-record reason, and every good report still gets its record.
 */
class HostileFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path out;
    private static int status;
    private static final Map<String, JsonNode> records = new HashMap<>();
    private static final Map<String, JsonNode> errors = new HashMap<>();

    @BeforeAll
    static void runOverAFolderOfHostileFiles() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("good-001.txt"));
        Files.copy(Path.of("corpus/rendered/004_417c17a55a2502cf.docx"), in.resolve("good-004.docx"));
        Files.copy(Path.of("corpus/rendered/000_efef604f64877e59.pdf"), in.resolve("good-000.pdf"));
        HostileFolder.badFiles(in);
        HostileFolder.longPdf(in.resolve("300-pages.pdf"), 300);
        out = dir.resolve("out");
        status = Main.run("extract", in.toString(), "-o", out.toString(), "--progress", "none");
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            records.put(Path.of(n.at("/source/file").asText()).getFileName().toString(), n);
        }
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            errors.put(Path.of(n.path("file").asText()).getFileName().toString(), n);
        }
    }

    private static String reasonOf(String name) {
        JsonNode r = records.get(name);
        if (r != null) {
            return r.path("reason").asText(null);
        }
        return errors.containsKey(name) ? "error:" + errors.get(name).path("reason").asText() : "missing";
    }

    @Test
    void theBatchCompletesWithEveryGoodReportExtracted() {
        assertThat(status).isZero();
        assertThat(records.get("good-001.txt").at("/doc/department/value").asText()).isEqualTo("蓝山县医疗保障局");
        assertThat(records.get("good-004.docx").at("/doc/department/value").asText()).isEqualTo("广元市医疗保障局");
        assertThat(records.get("good-000.pdf").at("/doc/department/value").asText()).isEqualTo("邻水县医疗保障局");
        assertThat(records.size() + errors.size()).as("one outcome per file").isEqualTo(13);
    }

    @Test
    void emptyRandomEncryptedAndTruncatedFilesAreErrorsWithTheirReason() {
        assertThat(reasonOf("zero.pdf")).isEqualTo("error:empty-file");
        assertThat(reasonOf("random.pdf")).isIn("error:corrupt", "error:unsupported-format");
        assertThat(reasonOf("random.docx")).isIn("error:corrupt", "error:unsupported-format");
        assertThat(reasonOf("encrypted.pdf")).isEqualTo("error:encrypted");
        assertThat(reasonOf("truncated.pdf")).isEqualTo("error:corrupt");
        assertThat(errors.get("encrypted.pdf").path("sha256").asText()).hasSize(64);
    }

    @Test
    void aZipBombIsRefusedNotExpanded() {
        assertThat(reasonOf("bomb.docx")).isEqualTo("error:zip-bomb");
    }

    @Test
    void scannedLongAndForeignDocumentsGiveEmptyRecordsWithAReason() {
        assertThat(reasonOf("scanned.pdf")).startsWith("no-text:");
        assertThat(reasonOf("300-pages.pdf")).startsWith("not-a-report:");
        assertThat(records.get("300-pages.pdf").at("/source/pages").asInt()).isEqualTo(300);
        assertThat(reasonOf("recipe.docx")).startsWith("not-a-report:");
    }

    @Test
    void aFileNamedInGbkIsReadAsAnyOther() {
        List<JsonNode> gbk = records.values().stream()
                .filter(r -> r.at("/source/file").asText().endsWith(".txt") && !r.at("/source/file").asText().contains("good"))
                .toList();
        assertThat(gbk).hasSize(1);
        assertThat(gbk.get(0).at("/doc/department/value").asText()).isEqualTo("攀枝花市医疗保障局");
    }

    @Test
    void theSummaryCountsEmptyRecordsAndErrorsByReason() throws IOException {
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("files").asInt()).isEqualTo(13);
        assertThat(summary.at("/empty_by_reason/not-a-report").asInt()).isEqualTo(2);
        assertThat(summary.at("/empty_by_reason/no-text").asInt()).isEqualTo(1);
        assertThat(summary.at("/errors_by_reason/zip-bomb").asInt()).isEqualTo(1);
        assertThat(summary.path("errors").asInt()).isEqualTo(errors.size());
    }
}
