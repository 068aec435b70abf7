package org.disclosure.extractor.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loops that replaced regular expressions on every paragraph give what the expressions gave. */
class HeadingTextTest {

    private static final String CHARS = "收支总体情况。：:；;，,  \t\n\r\u000B\f\u3000a1（）";

    @Test
    void compactAndTrimEndAgreeWithTheirExpressions() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(16);
            for (int k = 0; k < n; k++) {
                b.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            String s = b.toString();
            assertThat(HeadingRecognizer.compact(s)).as(s).isEqualTo(s.replaceAll("\\s+", ""));
            assertThat(HeadingRecognizer.trimEnd(s)).as(s).isEqualTo(s.strip().replaceAll("[。：:；;，,\\s]+$", ""));
            assertThat(SectionNames.wordsOf(s)).as(s)
                    .isEqualTo(HeadingNumber.parse(s).map(HeadingNumber::words).orElse(s).replaceAll("\\s+", "")
                            .replaceAll("[。：:；;，,]+$", ""));
        }
    }
}
