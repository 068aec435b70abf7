package org.disclosure.extractor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CjkNormalizer#normalizeMapped}: the same text as {@link CjkNormalizer#normalize}, and for each of its
 * characters the character of the original it stands for, so a span found in normalised text can be found on the
 * page.
 */
class NormalizedOffsetsTest {

    @Test
    void mapsEachCharacterBackToTheOneItCameFrom() {
        CjkNormalizer.Mapped m = CjkNormalizer.normalizeMapped("支出合计 １２３．４５ 万元");
        assertThat(m.text()).isEqualTo("支出合计123.45万元");
        assertThat(m.source()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 12, 13);
    }

    @Test
    void aSpaceInsideANumberGoesAndTheDigitsKeepTheirPlaces() {
        CjkNormalizer.Mapped m = CjkNormalizer.normalizeMapped("合计14,770 .62万元");
        assertThat(m.text()).isEqualTo("合计14,770.62万元");
        assertThat(m.source()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13);
    }

    @Test
    void fullWidthThousandsAndRadicalsKeepTheirPlaces() {
        CjkNormalizer.Mapped m = CjkNormalizer.normalizeMapped("１，２３４．５６⻔诊");
        assertThat(m.text()).isEqualTo("1,234.56门诊");
        assertThat(m.source()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aWordSpaceStaysAndPointsAtTheSpace() {
        CjkNormalizer.Mapped m = CjkNormalizer.normalizeMapped("PM 2.5 浓度\n下降");
        assertThat(m.text()).isEqualTo("PM 2.5浓度下降");
        assertThat(m.source()).containsExactly(0, 1, 2, 3, 4, 5, 7, 8, 10, 11);
    }

    @Test
    void randomTextsNormaliseAlikeAndEveryCharacterComesFromItsSource() {
        List<String> pieces = List.of("支", "出", "１", "２", "．", "，", " ", "\u3000", "\n", "1", "2", ",", ".", "%",
                "％", "A", "b", "⻔", "⽉", "（", "）", "万元", " .", ", ", "－", "\u00A0", "豈");
        Random random = new Random(14);
        for (int round = 0; round < 5000; round++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(14);
            for (int i = 0; i < n; i++) {
                s.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = s.toString();
            CjkNormalizer.Mapped m = CjkNormalizer.normalizeMapped(text);
            assertThat(m.text()).as(text).isEqualTo(CjkNormalizer.normalize(text));
            assertThat(m.source()).as(text).hasSize(m.text().length());
            int previous = -1;
            for (int i = 0; i < m.source().length; i++) {
                int from = m.source()[i];
                assertThat(from).as(text + " @" + i).isGreaterThan(previous).isLessThan(text.length());
                previous = from;
                char original = text.charAt(from);
                char now = m.text().charAt(i);
                if (now != ' ') {
                    assertThat(CjkNormalizer.normalize(String.valueOf(original))).as(text + " @" + i)
                            .isEqualTo(String.valueOf(now).equals(",") && original == '，' ? "，" : String.valueOf(now));
                }
            }
        }
    }
}
