package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line a run ends with (RunSummary) reads as English: one file, two files. */
class RunSummaryTest {

    @Test
    void oneOfEachIsSingular() {
        RunSummary one = new RunSummary(1, 0, 1, Map.of(), 1, Map.of("corrupt", 1), 1.25, null);
        assertThat(one.line(Path.of("out"))).isEqualTo("extract: 1 file, 1 record, 1 error (corrupt 1), 1.3 s -> out");
    }

    @Test
    void manyArePlural() {
        RunSummary many = new RunSummary(30, 2, 27, Map.of("template", 1), 0, Map.of(), 12.3, null);
        assertThat(many.line(Path.of("out")))
                .isEqualTo("extract: 30 files (2 already done, skipped), 27 records (1 empty: template 1), 0 errors, 12.3 s -> out");
    }
}
