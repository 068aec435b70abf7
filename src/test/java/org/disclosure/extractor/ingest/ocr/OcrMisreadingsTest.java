package org.disclosure.extractor.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import org.disclosure.extractor.GrammarFiles;
import org.junit.jupiter.api.Test;

/** Known misreadings of template words are put right in OCR'd text, and nothing else is touched. */
class OcrMisreadingsTest {

    private final OcrMisreadings misreadings = OcrMisreadings.load();

    @Test
    void everyExampleOfTheGrammarIsPutRightAndNoCorrectionIsMisreadAgain() throws Exception {
        try (InputStream in = GrammarFiles.open("ocr_misreadings.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (JsonNode e : root.path("misreadings")) {
                for (JsonNode example : e.path("examples")) {
                    String fixed = misreadings.correct(example.asText());
                    assertThat(fixed).as(example.asText()).isNotEqualTo(example.asText());
                    assertThat(misreadings.correct(fixed)).as("corrected twice: " + fixed).isEqualTo(fixed);
                }
            }
        }
    }

    @Test
    void templateWordsArePutRight() {
        assertThat(misreadings.correct("本年文出合计 1,935.36")).isEqualTo("本年支出合计 1,935.36");
        assertThat(misreadings.correct("项 目 本年预色")).isEqualTo("项 目 本年预算");
        assertThat(misreadings.correct("-、本级财政拨款收入")).isEqualTo("一、本级财政拨款收入");
        assertThat(misreadings.correct("一、基本支出 1.517.95")).isEqualTo("一、基本支出 1,517.95");
        assertThat(misreadings.correct("合计12.345.678.90万元")).isEqualTo("合计12,345,678.90万元");
        assertThat(misreadings.correct("机关和运行经费122.98万元")).isEqualTo("机关运行经费122.98万元");
    }

    @Test
    void wordsThatMeanWhatTheySayAreLeftAlone() {
        for (String real : new String[] {"收文登记和发文出台", "增长1.5%", "2023.12.31", "第1.2.3条", "版本1.517",
                "机关和事业单位", "政府和社会资本合作", "事业收入", "19-20、21"}) {
            assertThat(misreadings.correct(real)).as(real).isEqualTo(real);
        }
    }

    @Test
    void aDroppedCharacterTakesItsPlaceOnThePageWithIt() {
        OcrMisreadings.Corrected c = misreadings.corrected("局机关和运行经费");
        assertThat(c.text()).isEqualTo("局机关运行经费");
        assertThat(c.source()).containsExactly(0, 1, 2, 4, 5, 6, 7);
        OcrMisreadings.Corrected same = misreadings.corrected("本年文出");
        assertThat(same.text()).isEqualTo("本年支出");
        assertThat(same.source()).containsExactly(0, 1, 2, 3);
    }
}
