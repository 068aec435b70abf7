package org.disclosure.extractor.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.evaluate.Evaluation;
import org.disclosure.extractor.output.JsonRecords;
import org.junit.jupiter.api.Test;

/**
 * A corpus report printed and scanned: its text and table pages are rendered to images, an image-only PDF is built
 * from them (no text layer), and the whole pipeline reads it by OCR. The record must score against the report's gold
 * as the text PDF does: field F1 at least 0.95 and no wrong or invented value among the fields it fills.
 */
class OcrCorpusTest {

    private static final Path GOLD = Path.of("..", "shared", "gold");
    private static final Path BUILT = Path.of("target", "ocr-corpus");

    /**
     * 长沙市信访局's 2026 budget: pages 1-10 are the cover, contents and the 情况说明 (narrative), 11-21 the ten
     * standard tables (收支总表 to 政府性基金, landscape, ruled). Pages 22-32 are 绩效目标表 that hold no gold field
     * (the text PDF cut to pages 1-21 scores 35 of 35); leaving them out keeps the test within its time.
     */
    private static final Path CHANGSHA = Path.of("corpus", "real", "长沙市信访局-2026-部门预算.pdf");
    private static final List<Integer> CHANGSHA_PAGES = IntStream.rangeClosed(1, 21).boxed().toList();

    @Test
    void aBudgetReportRenderedToImagesReadsAsItsGold() throws IOException {
        Path scan = ImageOnlyPdf.build(CHANGSHA, BUILT.resolve("300dpi-gray").resolve(CHANGSHA.getFileName()),
                ImageOnlyPdf.Style.clean(300), CHANGSHA_PAGES);
        assertScoresAsGold(scan, CHANGSHA_PAGES.size());
    }

    /** Reads {@code scan} with OCR on and scores its record against the gold of the report it was made from. */
    static Evaluation.Counts assertScoresAsGold(Path scan, int pages) throws IOException {
        String label = scan.getFileName().toString();
        Pipeline.Outcome outcome = new Pipeline().process(scan, label);
        assertThat(outcome).as("outcome of %s", scan).isInstanceOf(Pipeline.Extracted.class);
        var record = ((Pipeline.Extracted) outcome).record();
        assertThat(record.source().ocr()).as("OCR reading of %s", scan).isNotNull();
        assertThat(record.source().ocr().pages()).as("pages read by OCR").hasSize(pages);
        Path records = scan.resolveSibling(stem(label) + ".records.jsonl");
        Files.writeString(records, JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record)) + "\n");
        Evaluation.Result result = Evaluation.run(GOLD, records);
        Evaluation.Counts counts = result.byDocument().get(label);
        assertThat(counts).as("a gold record for %s in %s", label, GOLD).isNotNull();
        String misses = result.misses().stream().filter(m -> m.document().equals(label))
                .map(m -> String.format("%n  %-8s %-36s gold %s got %s", m.what(), m.key(), m.gold(), m.got()))
                .collect(Collectors.joining());
        assertThat(counts.f1()).as("field F1 of %s (tp %d fp %d fn %d); misses:%s", label, counts.tp(), counts.fp(),
                counts.fn(), misses).isGreaterThanOrEqualTo(0.95);
        assertThat(counts.fp()).as("wrong or invented values in %s; misses:%s", label, misses).isZero();
        return counts;
    }

    private static String stem(String file) {
        return file.substring(0, file.lastIndexOf('.'));
    }
}
