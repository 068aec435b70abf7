package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.text.Gate;

/**
 * One rule of a grammar: a pattern with typed placeholders that fills fields from a sentence,
 * and/or fields it sets to a constant when it matches (无政府性基金… → 0).
 *
 * @param id       rule id, recorded in each value's provenance
 * @param source   the pattern as written in the grammar
 * @param pattern  the compiled pattern
 * @param captures the placeholders in group order
 * @param set      fields set to a constant when the pattern matches
 * @param kinds    report kinds the rule applies to (empty: those of its grammar)
 * @param loose    the wording is ambiguous (收入预算 may or may not include last year's carry-over): the value
 *                 fills its field but is never used to accuse the report of a contradiction
 * @param examples sentences with the fields they must give (run as tests)
 * @param gate     the literal words every match contains, tried before the pattern
 * @param sectionOnly the rule reads only its grammar's sections, even in a report that has none of them (a
 *                 sentence without a subject, 比上年增加7.2万元, means something only under its heading)
 */
public record GrammarRule(String id, String source, Pattern pattern, List<Capture> captures,
                          Map<String, Object> set, java.util.Set<String> kinds, boolean loose, List<Example> examples,
                          Gate gate, boolean sectionOnly) {

    /** A placeholder of the pattern: its type, the field it fills and its regex group. */
    public record Capture(Placeholder type, String key, int group) {
    }

    /** An example sentence, the values it must give and the fields it must not give (a wording the rule must leave alone). */
    public record Example(String text, Map<String, Object> expect, List<String> absent) {
    }

    /** Whether the rule reads reports of this kind (its own kinds, else its grammar's). */
    public boolean appliesTo(String kind, Grammar grammar) {
        return kinds.isEmpty() ? grammar.appliesTo(kind) : kinds.contains(kind);
    }

    /** A value the rule reads from a sentence, with the span of text it was read from. */
    public record Hit(String key, Object value, Placeholder type, int start, int end) {
    }

    /** Every value the rule reads from one sentence, in order; a field may come more than once. */
    public List<Hit> read(String sentence, String defaultUnit) {
        List<Hit> hits = new ArrayList<>();
        if (!gate.admits(sentence)) {
            return hits;
        }
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            for (Capture c : captures) {
                if (m.group(c.group()) != null) {
                    c.type().value(m, c.group() + 1, defaultUnit).ifPresent(v ->
                            hits.add(new Hit(c.key(), v, c.type(), m.start(c.group()), m.end(c.group()))));
                }
            }
            for (Map.Entry<String, Object> e : set.entrySet()) {
                hits.add(new Hit(e.getKey(), e.getValue(), null, m.start(), m.end()));
            }
            if (m.end() == m.start()) {
                break;
            }
        }
        return hits;
    }

    private static final Pattern HOLE = Pattern.compile("\\{([a-z_]+):([\\p{IsHan}a-z0-9_.]+)\\}");

    /** Compiles a grammar pattern: placeholders, … (a stretch of the same clause), ~ (a few characters), and lenient punctuation. */
    static GrammarRule compile(String id, String source, Map<String, Object> set, java.util.Set<String> kinds,
                               boolean loose, boolean sectionOnly, List<Example> examples) {
        StringBuilder regex = new StringBuilder();
        List<Capture> captures = new ArrayList<>();
        Matcher hole = HOLE.matcher(source);
        int at = 0;
        while (hole.find()) {
            regex.append(lenient(source.substring(at, hole.start())));
            Placeholder type = Placeholder.of(hole.group(1));
            captures.add(new Capture(type, hole.group(2), capturingGroups(regex) + 1));
            regex.append('(').append(type.regex()).append(')');
            at = hole.end();
        }
        regex.append(lenient(source.substring(at)));
        try {
            Pattern pattern = Pattern.compile(regex.toString());
            return new GrammarRule(id, source, pattern, List.copyOf(captures),
                    set == null ? Map.of() : Map.copyOf(set), kinds == null ? java.util.Set.of() : java.util.Set.copyOf(kinds),
                    loose, examples == null ? List.of() : List.copyOf(examples), Gate.of(pattern), sectionOnly);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("rule " + id + ": bad pattern " + source + " (" + e.getDescription() + ")", e);
        }
    }

    /** Quotes, brackets, colons and commas as reports vary them; … and ~ as fillers. */
    private static String lenient(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '“', '”' -> out.append("[“”\"「」『』]?");
                case '（' -> out.append("[（(]");
                case '）' -> out.append("[）)]");
                case '：' -> out.append("[:：]");
                case '，' -> out.append("[，,]");
                case '…' -> out.append("[^。；;]{0,60}?");
                case '~' -> out.append("[^。；;，,]{0,16}?");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Capturing groups opened in a regex so far: the number the next group will get, less one. */
    private static int capturingGroups(CharSequence regex) {
        int count = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                boolean plain = i + 1 >= regex.length() || regex.charAt(i + 1) != '?';
                boolean named = !plain && i + 3 < regex.length() && regex.charAt(i + 2) == '<'
                        && Character.isLetter(regex.charAt(i + 3));
                if (plain || named) {
                    count++;
                }
            }
        }
        return count;
    }
}
