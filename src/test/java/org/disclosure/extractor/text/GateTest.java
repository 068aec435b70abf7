package org.disclosure.extractor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.disclosure.extractor.extract.Grammar;
import org.disclosure.extractor.extract.GrammarRule;
import org.disclosure.extractor.extract.Grammars;
import org.junit.jupiter.api.Test;

class GateTest {

    private static List<String> pieces(String regex) {
        return Gate.of(Pattern.compile(regex)).pieces();
    }

    @Test
    void literalRunsOutsideGroupsAndQuantifiers() {
        assertEquals(List.of("公务接待费", "决算", "万"), pieces("公务接待费(?:支出)?决算(?:数)?(?:为)?([0-9.]+)万元?"));
        // 元 made optional by ? is no piece, 万 before it still is
        assertEquals(List.of("万"), pieces("[0-9]+万元?"));
        assertEquals(List.of("接待", "人次"), pieces("(?<!外事)接待[^。]{0,16}?(\\d+)人次"));
        assertEquals(List.of("a"), pieces("ab+c*")); // b+ is there, but not where this reading can say
        assertEquals(List.of("表"), pieces("公{1,2}表"));
    }

    @Test
    void escapesAreLiteralOnlyForPunctuation() {
        assertEquals(List.of("(本级)"), pieces("\\(本级\\)"));
        assertEquals(List.of("年"), pieces("\\d{4}年"));
        assertEquals(List.of("部"), pieces("\\p{IsHan}+部"));
        assertEquals(List.of("局"), pieces("\\pL局"));
        // \x41 and \u4E00 are one character each, not the digits after them
        assertEquals(List.of("局"), pieces("\\x41\\u4E00局"));
        assertEquals(List.of("元"), pieces("(a)\\1元"));
    }

    @Test
    void whatItCannotFollowOpensTheGate() {
        assertEquals(List.of(), pieces("公开|预算"));
        assertEquals(List.of(), pieces("(?i)budget"));
        assertEquals(List.of(), Gate.of(Pattern.compile("budget", Pattern.CASE_INSENSITIVE)).pieces());
        assertEquals(List.of(), pieces("\\Q表\\E"));
        assertTrue(Gate.of(Pattern.compile("a|b")).admits("zzz"));
    }

    @Test
    void supplementaryCharactersAreWhole() {
        String han = new String(Character.toChars(0x20000)); // 𠀀, two chars in UTF-16
        assertEquals(List.of("表"), pieces("表" + han + "?"));
        assertEquals(List.of("表" + han), pieces("表" + han));
    }

    @Test
    void classesWithBracketsAreSkippedWhole() {
        assertEquals(List.of("年", "度"), pieces("[]年]年[^]]度"));
        assertEquals(List.of("表"), pieces("[（(\\[]表"));
    }

    /**
     * The promise of a gate, on the bundled grammars' rules and on every sentence of the corpus reports and
     * of their variants (cut, shuffled): a text the gate turns away holds no match.
     */
    @Test
    void neverTurnsAwayATextThePatternMatches() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("corpus/seeds"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    texts.addAll(Sentences.split(line));
                }
            }
        }
        List<GrammarRule> rules = new ArrayList<>();
        for (Grammar g : Grammars.bundled()) {
            rules.addAll(g.rules());
            g.rules().forEach(r -> r.examples().forEach(e -> texts.add(e.text())));
        }
        Random random = new Random(7);
        int n = texts.size();
        for (int i = 0; i < n; i++) {
            String t = texts.get(i);
            if (t.length() > 4) {
                int a = random.nextInt(t.length());
                int b = a + random.nextInt(t.length() - a);
                texts.add(t.substring(0, a) + t.substring(b)); // a piece cut out
                texts.add(t.substring(b) + t.substring(0, a)); // pieces swapped
            }
        }
        int turnedAway = 0;
        for (GrammarRule r : rules) {
            for (String t : texts) {
                if (!r.gate().admits(t)) {
                    turnedAway++;
                    if (r.pattern().matcher(t).find()) {
                        fail("rule " + r.id() + " matches a text its gate " + r.gate().pieces() + " turns away: " + t);
                    }
                }
            }
        }
        // and the gate is worth having: most rule-sentence pairs never reach the pattern
        assertTrue(turnedAway > rules.size() * texts.size() / 2, turnedAway + " of " + rules.size() * texts.size());
        assertFalse(rules.stream().allMatch(r -> r.gate().pieces().isEmpty()));
    }
}
