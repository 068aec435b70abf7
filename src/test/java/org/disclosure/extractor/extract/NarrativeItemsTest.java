package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The item paragraphs written as examples in grammars/narrative_items.yaml give their rows and columns. */
class NarrativeItemsTest {

    private final NarrativeItems items = NarrativeItems.load();

    @Test
    void everyExampleGivesItsRowAndColumns() {
        JsonNode examples = items.examples();
        assertThat(examples.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode e : examples) {
            NarrativeItems.Item item = items.parse(e.path("text").asText(), null);
            assertThat(item).as(e.path("text").asText()).isNotNull();
            assertThat(item.name()).isEqualTo(e.path("row").asText());
            if (e.has("code")) {
                assertThat(item.code()).isEqualTo(e.path("code").asText());
            }
            e.path("expect").fields().forEachRemaining(x -> {
                assertThat(item.columns()).as(x.getKey() + " in " + e.path("text").asText()).containsKey(x.getKey());
                assertThat((BigDecimal) item.columns().get(x.getKey()).value())
                        .isEqualByComparingTo(new BigDecimal(x.getValue().asText()));
            });
        }
    }

    @Test
    void aParagraphThatNamesNoItemIsNotOne() {
        assertThat(items.parse("2022年一般公共预算财政拨款支出5996.78万元。", null)).isNull();
    }

    @Test
    void spansPointAtTheFigures() {
        String text = "5.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）:支出决算为8.12万元，完成预算100%。";
        Map<String, GrammarRule.Hit> cols = items.parse(text, null).columns();
        GrammarRule.Hit actual = cols.get("决算数");
        assertThat(text.substring(actual.start(), actual.end())).isEqualTo("8.12万元");
    }
}
