package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosure.extractor.extract.IdentityExtractor.Line;
import org.disclosure.extractor.text.Divisions;
import org.disclosure.extractor.text.Divisions.Division;
import org.disclosure.extractor.text.Divisions.Level;

/**
 * The places a report's text names, in full (上海市普陀区 · 江苏省 · 广安市邻水县) or, for a province, by its short form
 * (江苏): each a chain of names settled by the division table, and a name alone that several divisions share
 * (普陀区) settled by the places the same text names (上海市), or left unsettled.
 */
final class PlacesInText {

    /** A place named at {@code start}..{@code end} of a line: the division, or null while unsettled, and its candidates. */
    record Mention(Division division, List<Division> candidates, Line line, int start, int end) {
    }

    /** Lines read: the report names its place in its title and first pages. */
    private static final int LINES = 2000;

    private final Divisions divisions;
    private final List<Mention> mentions;

    private PlacesInText(Divisions divisions, List<Mention> mentions) {
        this.divisions = divisions;
        this.mentions = mentions;
    }

    /** Reads the places of the lines; {@code provinceShortForms} maps 江苏 to 江苏省 (read where no full name starts). */
    static PlacesInText read(List<Line> lines, Divisions divisions, Map<String, Division> provinceShortForms) {
        List<Mention> raw = new ArrayList<>();
        int shortest = provinceShortForms.keySet().stream().mapToInt(String::length).min().orElse(2);
        int longest = provinceShortForms.keySet().stream().mapToInt(String::length).max().orElse(3);
        for (Line l : lines.subList(0, Math.min(LINES, lines.size()))) {
            String t = l.text();
            for (int i = 0; i < t.length(); ) {
                List<Divisions.Name> chain = divisions.chainAt(t, i);
                // a lone two-character name (和县, 城区) is too often a piece of a sentence (市和县两级)
                if (!chain.isEmpty() && (chain.size() > 1 || chain.get(0).end() - chain.get(0).start() > 2)) {
                    for (Divisions.Name n : chain) {
                        List<Division> c = n.candidates();
                        raw.add(new Mention(c.size() == 1 ? c.get(0) : null, c, l, n.start(), n.end()));
                    }
                    i = chain.get(chain.size() - 1).end();
                    continue;
                }
                int end = -1;
                for (int len = Math.min(longest, t.length() - i); len >= shortest && end < 0; len--) {
                    if (provinceShortForms.containsKey(t.substring(i, i + len))) {
                        end = i + len;
                    }
                }
                if (end > 0) {
                    Division province = provinceShortForms.get(t.substring(i, end));
                    raw.add(new Mention(province, List.of(province), l, i, end));
                    i = end;
                } else {
                    i++;
                }
            }
        }
        return new PlacesInText(divisions, settle(raw, divisions));
    }

    /** A name several divisions share is the one within (or holding) a place the text names unambiguously. */
    private static List<Mention> settle(List<Mention> raw, Divisions divisions) {
        List<Division> sure = raw.stream().map(Mention::division).filter(d -> d != null).distinct().toList();
        List<Mention> out = new ArrayList<>();
        for (Mention m : raw) {
            if (m.division() != null) {
                out.add(m);
                continue;
            }
            List<Division> backed = m.candidates().stream()
                    .filter(c -> sure.stream().anyMatch(s -> divisions.within(c, s) || divisions.within(s, c))).toList();
            out.add(backed.size() == 1 ? new Mention(backed.get(0), m.candidates(), m.line(), m.start(), m.end()) : m);
        }
        return List.copyOf(out);
    }

    List<Mention> mentions() {
        return mentions;
    }

    /**
     * Of the candidates, the one the text backs: the places it names within or above one candidate, against the
     * others; chosen when it has at least twice the backing of the next.
     */
    Optional<Backed> backing(List<Division> candidates) {
        Map<Division, Integer> score = new HashMap<>();
        Map<Division, Mention> first = new HashMap<>(); // a place above or within it, for provenance …
        Map<Division, Mention> itself = new HashMap<>(); // … else the place itself
        for (Mention m : mentions) {
            if (m.division() == null) {
                continue;
            }
            for (Division c : candidates) {
                if (divisions.within(c, m.division()) || divisions.within(m.division(), c)) {
                    score.merge(c, 1, Integer::sum);
                    (c.equals(m.division()) ? itself : first).putIfAbsent(c, m);
                }
            }
        }
        return dominant(score).map(d -> new Backed(d, first.getOrDefault(d, itself.get(d))));
    }

    /** The division at the level that the text names most (in full, or within it), with its first mention. */
    Optional<Backed> commonest(Level level) {
        Map<Division, Integer> score = new HashMap<>();
        Map<Division, Mention> first = new HashMap<>();
        for (Mention m : mentions) {
            if (m.division() != null && m.division().level().ordinal() >= level.ordinal()) {
                divisions.at(m.division(), level).ifPresent(d -> {
                    score.merge(d, 1, Integer::sum);
                    first.putIfAbsent(d, m);
                });
            }
        }
        return dominant(score).map(d -> new Backed(d, first.get(d)));
    }

    /** A division the text backs, and the first place it names for it. */
    record Backed(Division division, Mention mention) {
    }

    private static Optional<Division> dominant(Map<Division, Integer> score) {
        List<Map.Entry<Division, Integer>> ranked = score.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue())).toList();
        if (ranked.isEmpty() || ranked.size() > 1 && ranked.get(0).getValue() < 2 * ranked.get(1).getValue()) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0).getKey());
    }

    /** Whether the text names the division in full (上海市, or within a chain 上海市普陀区). */
    boolean namesInFull(Division d) {
        return mentions.stream().anyMatch(m -> d.equals(m.division())
                && m.line().text().substring(m.start(), m.end()).equals(d.name()));
    }
}
