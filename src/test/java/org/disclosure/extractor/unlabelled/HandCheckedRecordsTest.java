package org.disclosure.extractor.unlabelled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.evaluate.Evaluation;
import org.disclosure.extractor.output.RecordWriters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of reports of ../shared/unlabelled that a person checked figure by figure, one region family each
 * (src/test/resources/unlabelled/hand-checked, in the gold format of ../shared/gold: {@code fields} the report
 * states, {@code optional} what may be read either way), scored as the shared gold is. Guards recall on reports that
 * were not developed against as much as precision: fails below the level reached.
 */
class HandCheckedRecordsTest {

    /** The level reached; raise it when extraction improves, never lower it to make a change pass. */
    private static final double MIN_F1 = 0.98;
    private static final double MIN_PRECISION = 0.99;

    private static final Path CHECKED = Path.of("src", "test", "resources", "unlabelled", "hand-checked");

    @TempDir
    Path out;

    @Test
    void handCheckedReportsScoreAtLeastTheLevelReached() throws IOException {
        List<String> documents;
        try (Stream<Path> walk = Files.list(CHECKED)) {
            documents = walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(10);
        int written = 0;
        try (RecordWriters writers = new RecordWriters(out)) {
            for (Map.Entry<String, Pipeline.Outcome> e : UnlabelledReports.outcomes().entrySet()) {
                if (documents.contains(stem(e.getKey())) && e.getValue() instanceof Pipeline.Extracted extracted) {
                    writers.write(extracted.record());
                    written++;
                }
            }
        }
        assertThat(written).as("a record for every hand-checked report").isEqualTo(documents.size());
        Evaluation.Result result = Evaluation.run(CHECKED, out.resolve("records.jsonl"));
        assertThat(result.total().f1())
                .as("F1 on the hand-checked reports; misses: %s", result.misses())
                .isGreaterThanOrEqualTo(MIN_F1);
        assertThat(result.total().precision())
                .as("precision on the hand-checked reports; misses: %s", result.misses())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    /** A file's name without its extensions, as gold documents are named (040-….pdf.pdf → 040-…). */
    private static String stem(String file) {
        String base = file;
        while (base.contains(".")) {
            base = base.substring(0, base.lastIndexOf('.'));
        }
        return base;
    }
}
