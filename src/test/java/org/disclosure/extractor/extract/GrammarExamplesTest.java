package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosure.extractor.text.Sentences;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example sentence written in grammars/ gives the values written beside it. */
class GrammarExamplesTest {

    private static List<Grammar> loaded;

    private static synchronized List<Grammar> grammars() throws IOException {
        if (loaded == null) {
            loaded = Grammars.load(Path.of("grammars"));
        }
        return loaded;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsValues() throws IOException {
        return grammars().stream().flatMap(g -> g.rules().stream().flatMap(rule -> rule.examples().stream()
                .map(example -> DynamicTest.dynamicTest(rule.id() + ": " + example.text(), () -> {
                    Map<String, Object> got = new LinkedHashMap<>();
                    for (String sentence : Sentences.split(example.text())) {
                        for (Grammar other : grammars()) {
                            if (!other.name().equals(g.name())) {
                                continue;
                            }
                            for (GrammarRule r : other.rules()) {
                                if (!sharesAKind(r, rule, other)) {
                                    continue;
                                }
                                r.read(sentence, other.unit()).forEach(h -> got.putIfAbsent(h.key(), h.value()));
                            }
                        }
                    }
                    for (Map.Entry<String, Object> e : example.expect().entrySet()) {
                        assertThat(got).as("%s in «%s»", e.getKey(), example.text()).containsKey(e.getKey());
                        assertThat(same(e.getValue(), got.get(e.getKey())))
                                .as("%s in «%s»: expected %s, got %s", e.getKey(), example.text(), e.getValue(), got.get(e.getKey()))
                                .isTrue();
                    }
                    for (String key : example.absent()) {
                        assertThat(got).as("%s must not come from «%s»", key, example.text()).doesNotContainKey(key);
                    }
                }))));
    }

    @Test
    void everyExampleSaysWhatItChecks() throws IOException {
        for (Grammar g : grammars()) {
            for (GrammarRule r : g.rules()) {
                r.examples().forEach(e -> assertThat(e.expect().isEmpty() && e.absent().isEmpty())
                        .as("example of %s in %s.yaml expects nothing: «%s»", r.id(), g.name(), e.text()).isFalse());
            }
        }
    }

    @Test
    void everyRuleHasAtLeastTwoExamples() throws IOException {
        for (Grammar g : grammars()) {
            for (GrammarRule r : g.rules()) {
                assertThat(r.examples()).as("examples of %s in %s.yaml", r.id(), g.name()).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void ruleIdsAreUnique() throws IOException {
        List<String> ids = grammars().stream().flatMap(g -> g.rules().stream()).map(GrammarRule::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static boolean sharesAKind(GrammarRule r, GrammarRule underTest, Grammar g) {
        return Stream.of("final_accounts", "budget", "performance_evaluation")
                .anyMatch(k -> r.appliesTo(k, g) && underTest.appliesTo(k, g));
    }

    private static boolean same(Object expected, Object got) {
        if (expected instanceof BigDecimal e && got instanceof BigDecimal g) {
            return e.compareTo(g) == 0;
        }
        if (expected instanceof BigDecimal e && got instanceof Integer g) {
            return e.compareTo(BigDecimal.valueOf(g)) == 0;
        }
        return String.valueOf(expected).equals(String.valueOf(got));
    }
}
