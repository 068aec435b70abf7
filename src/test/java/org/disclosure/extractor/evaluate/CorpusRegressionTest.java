package org.disclosure.extractor.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.output.RecordWriters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression gate: every report of the repo's corpus, in every format, extracted and scored against its gold
 * record (src/test/resources/gold). Fails when accuracy falls below the level reached.
 */
class CorpusRegressionTest {

    /** The level reached; raise it when extraction improves, never lower it to make a change pass. */
    private static final double MIN_F1 = 0.99;
    private static final double MIN_PRECISION = 0.99;

    private static final Path GOLD = Path.of("src/test/resources/gold");

    @TempDir
    Path out;

    @Test
    void corpusScoresAtLeastTheLevelReached() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("corpus"))) {
            files = walk.filter(Files::isRegularFile).filter(CorpusRegressionTest::hasGold).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        Pipeline pipeline = new Pipeline();
        try (RecordWriters writers = new RecordWriters(out)) {
            for (Path f : files) {
                Pipeline.Outcome outcome = pipeline.process(f, f.toString());
                assertThat(outcome).as(f.toString()).isInstanceOf(Pipeline.Extracted.class);
                writers.write(((Pipeline.Extracted) outcome).record());
            }
        }
        Evaluation.Result result = Evaluation.run(GOLD, out.resolve("records.jsonl"));
        assertThat(result.total().f1())
                .as("F1 on the corpus; misses: %s", result.misses())
                .isGreaterThanOrEqualTo(MIN_F1);
        assertThat(result.total().precision())
                .as("precision on the corpus; misses: %s", result.misses())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
    }

    private static boolean hasGold(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && Files.exists(GOLD.resolve(name.substring(0, dot) + ".json"));
    }
}
