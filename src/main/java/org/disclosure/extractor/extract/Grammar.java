package org.disclosure.extractor.extract;

import java.util.List;
import java.util.Set;

/**
 * A grammar file: the rules that read one family of report sections.
 *
 * @param name     the file's name without extension
 * @param sections canonical section names whose sentences the rules read (empty: anywhere in the report proper)
 * @param kinds    report kinds the rules apply to (empty: all)
 * @param unit     unit of amounts written without one
 * @param fillsGaps its values only fill fields no other grammar filled (read last)
 * @param rules    rules in priority order
 */
public record Grammar(String name, List<String> sections, Set<String> kinds, String unit, boolean fillsGaps,
                      List<GrammarRule> rules) {

    public Grammar {
        sections = List.copyOf(sections);
        kinds = Set.copyOf(kinds);
        rules = List.copyOf(rules);
    }

    public boolean appliesTo(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
