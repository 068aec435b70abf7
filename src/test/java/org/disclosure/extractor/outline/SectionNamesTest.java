package org.disclosure.extractor.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SectionNamesTest {

    private static final SectionNames NAMES = SectionNames.standard();

    /** Every example heading written next to a rule in grammars/sections.yaml gets that rule's name. */
    static Stream<Arguments> grammarExamples() {
        return NAMES.rules().stream()
                .flatMap(rule -> rule.examples().stream().map(example -> Arguments.of(rule.id(), example, rule.within())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("grammarExamples")
    void namesEveryExampleOfTheGrammar(String id, String heading, List<String> within) {
        assertThat(NAMES.classify(heading, within)).isEqualTo(id);
    }

    @Test
    void everyCanonicalNameHasTwoWordingsAtLeast() {
        NAMES.rules().stream()
                .map(SectionNames.Rule::id)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> assertThat(NAMES.rules().stream().filter(r -> id.equals(r.id()))
                        .mapToInt(r -> r.examples().size()).sum()).as(id).isGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "basic|六、一般公共预算财政拨款基本支出决算情况说明",
        "three_public|（二）“三公”经费财政拨款支出决算具体情况说明",
        "three_public|七、财政拨款\"三公\"经费支出决算情况说明",
        "gov_fund|八、政府性基金预算财政拨款收入支出决算情况说明",
        "state_capital|九、国有资本经营预算财政拨款收入支出决算情况说明",
        "appropriation|四、财政拨款收入支出决算总体情况说明",
        "totals|一、收入支出决算总体情况说明",
        "operating_expenses|十二、一般公共预算机关运行经费支出预算情况说明",
        "performance|（四）预算绩效管理情况。",
    })
    void narrowNamesWinOverBroadOnes(String id, String heading) {
        assertThat(NAMES.classify(heading, List.of())).isEqualTo(id);
    }

    @Test
    void subSectionsOfTheGeneralBudgetAreNamedOnlyInsideIt() {
        assertThat(NAMES.classify("（一）总体情况", List.of("explanation_part", "general_budget")))
                .isEqualTo("general_budget_overall");
        assertThat(NAMES.classify("（一）总体情况", List.of("explanation_part"))).isNull();
        assertThat(NAMES.classify("（二）财政拨款支出决算结构情况", List.of("general_budget")))
                .isEqualTo("general_budget_structure");
    }

    @Test
    void numbersDoNotDecideANameOnlyWordsDo() {
        assertThat(NAMES.classify("七、“三公”经费财政拨款支出决算情况说明", List.of()))
                .isEqualTo(NAMES.classify("八、“三公”经费财政拨款支出决算情况说明", List.of()))
                .isEqualTo(NAMES.classify("第五部分 财政拨款“三公”经费预算情况", List.of()));
        assertThat(NAMES.classify("二、评价小组", List.of())).isNull();
        assertThat(NAMES.classify("（二）一般性支出情况", List.of())).isNull();
        assertThat(NAMES.classify("（三）上级公安机关交办的其他事项", List.of())).isNull();
    }
}
