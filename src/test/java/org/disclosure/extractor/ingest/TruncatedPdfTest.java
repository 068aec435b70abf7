package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real report cut off at many points (as an interrupted download leaves it) says it is damaged: an error
 * `corrupt` when nothing, or no report, can be read; else a record marked damaged. Never `not-a-report` or
 * `no-text`, and a whole file is never marked.
 */
class TruncatedPdfTest {

    private static final Path REPORT = Path.of("corpus", "real", "长沙市信访局-2026-部门预算.pdf");
    private static final Pipeline PIPELINE = new Pipeline();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "cut at {0}%")
    @ValueSource(ints = {5, 20, 40, 60, 80, 95, 99})
    void aTruncatedPdfIsCorruptOrADamagedRecord(int percent) throws Exception {
        byte[] whole = Files.readAllBytes(REPORT);
        Path cut = dir.resolve("cut-" + percent + ".pdf");
        Files.write(cut, Arrays.copyOf(whole, whole.length * percent / 100));
        Pipeline.Outcome outcome = PIPELINE.process(cut, cut.toString());
        if (outcome instanceof Pipeline.Failed f) {
            assertThat(f.reason()).isEqualTo("corrupt");
        } else {
            assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
            Pipeline.Extracted e = (Pipeline.Extracted) outcome;
            assertThat(e.record().reason()).as("a damaged file's reason").isNull();
            assertThat(e.record().source().damage()).as("the record says the file is damaged").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"长沙市信访局-2026-部门预算.pdf", "北京市司法局-2026-部门预算.pdf"})
    void aWholePdfIsNotMarked(String name) {
        Path file = Path.of("corpus", "real", name);
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        assertThat(((Pipeline.Extracted) outcome).record().source().damage()).isNull();
    }

    @ParameterizedTest(name = "cut at {0}%")
    @ValueSource(ints = {30, 50, 90})
    void whatIsLeftOfAReportCutOffIsReadAndMarked(int percent) throws Exception {
        // a real budget whose objects are laid out so that a cut keeps its first pages readable
        Path report;
        try (var files = Files.list(Path.of("..", "shared", "unlabelled"))) {
            report = files.filter(f -> f.getFileName().toString().startsWith("222-")).findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(report);
        Path cut = dir.resolve("cut-" + percent + ".pdf");
        Files.write(cut, Arrays.copyOf(whole, whole.length * percent / 100));
        Pipeline.Outcome outcome = PIPELINE.process(cut, cut.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        var record = ((Pipeline.Extracted) outcome).record();
        assertThat(record.source().damage()).startsWith("truncated PDF");
        assertThat(record.field("doc.department").map(v -> v.value())).hasValue("福州市医疗保障局");
        assertThat(org.disclosure.extractor.output.RecordWriters.render(record).json())
                .as("records.jsonl says so too (and so records.csv)").contains("\"damage\":\"truncated PDF");
    }
}
