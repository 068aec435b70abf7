package org.disclosure.extractor.outline;

import org.disclosure.extractor.GrammarFiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.disclosure.extractor.text.Gate;

/**
 * Canonical section names decided by a heading's words, from the rules in {@code grammars/sections.yaml}
 * (read through {@link GrammarFiles}).
 */
public final class SectionNames {

    static final String GRAMMAR = "grammars/sections.yaml";

    /** One rule of the grammar file, as written there. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String id, String comment, List<String> patterns, List<List<String>> keywords,
                       List<String> unless, List<String> within, List<String> examples) {

        public Rule {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            keywords = keywords == null ? List.of() : keywords.stream().map(List::copyOf).toList();
            unless = unless == null ? List.of() : List.copyOf(unless);
            within = within == null ? List.of() : List.copyOf(within);
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Grammar(List<Rule> sections) {
    }

    private record CompiledRule(Rule rule, List<Pattern> patterns, List<Gate> gates, List<Pattern> unless) {

        CompiledRule(Rule rule, List<Pattern> patterns, List<Pattern> unless) {
            this(rule, patterns, patterns.stream().map(Gate::of).toList(), unless);
        }

        boolean matches(String words, Collection<String> enclosing) {
            if (!rule.within().isEmpty() && rule.within().stream().noneMatch(enclosing::contains)) {
                return false;
            }
            return (anyPattern(words) || rule.keywords().stream().anyMatch(set -> set.stream().allMatch(words::contains)))
                    && unless.stream().noneMatch(p -> p.matcher(words).find());
        }

        private boolean anyPattern(String words) {
            for (int i = 0; i < patterns.size(); i++) {
                if (gates.get(i).admits(words) && patterns.get(i).matcher(words).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Holder {
        static final SectionNames DEFAULT = load();
    }

    private final List<CompiledRule> rules;

    private SectionNames(List<Rule> rules) {
        this.rules = rules.stream()
                .map(r -> new CompiledRule(r, r.patterns().stream().map(Pattern::compile).toList(),
                        r.unless().stream().map(Pattern::compile).toList()))
                .toList();
    }

    /** The names from the grammar file, loaded once. */
    public static SectionNames standard() {
        return Holder.DEFAULT;
    }

    public List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /**
     * The canonical name of a heading, or null if no rule matches.
     *
     * @param heading   the heading as written, number and all
     * @param enclosing canonical names of the sections around it (for rules that apply only within one)
     */
    public String classify(String heading, Collection<String> enclosing) {
        String words = wordsOf(heading);
        if (words.isEmpty()) {
            return null;
        }
        for (CompiledRule r : rules) {
            if (r.matches(words, enclosing)) {
                return r.rule().id();
            }
        }
        return null;
    }

    /** A heading without its number, white space and closing punctuation: what the rules read. */
    static String wordsOf(String heading) {
        String words = HeadingNumber.parse(heading).map(HeadingNumber::words).orElse(heading);
        return HeadingRecognizer.withoutClosing(HeadingRecognizer.compact(words));
    }

    private static SectionNames load() {
        try (InputStream in = GrammarFiles.open("sections.yaml")) {
            Grammar g = new ObjectMapper(new YAMLFactory()).readValue(in, Grammar.class);
            return new SectionNames(g.sections());
        } catch (IOException e) {
            throw new UncheckedIOException(GRAMMAR + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
