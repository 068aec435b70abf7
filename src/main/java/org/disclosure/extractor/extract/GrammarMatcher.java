package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.Section;
import org.disclosure.extractor.outline.SectionTree;
import org.disclosure.extractor.text.Sentences;

/**
 * Runs grammars over the sentences of a document's narrative. A grammar reads the sections it is keyed on
 * (or the whole report proper when the report has no such section); appendices and the glossary are never read.
 * For each field the first rule that gives it wins (grammar order, then rule order, then document order);
 * grammars that only fill gaps come last.
 */
final class GrammarMatcher {

    private static final String TABLES_PART = "tables_part";
    private static final String UNIT = "unit";
    /** A figure written without a unit, as table cells are: 96,282,213.44 · 391.37. */
    private static final java.util.regex.Pattern BARE_FIGURE = java.util.regex.Pattern.compile(
            "(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+\\.[0-9]+)(?!\\s*(?:万元|亿元|元|%|[0-9]))");

    /** A sentence of the narrative with the block it came from and where it starts in the block's text. */
    record Sentence(String text, int block, int offset, Integer page, String section, List<String> canonical) {
    }

    List<FieldValue> match(Document doc, SectionTree tree, String kind, List<Grammar> grammars) {
        return match(doc, tree, kind, grammars, paragraph -> false);
    }

    /**
     * As {@link #match(Document, SectionTree, String, List)}, leaving alone the paragraphs about one classification
     * item ({@code itemParagraph}): a 科目's 人员经费 or 项目支出 is not the department's.
     */
    List<FieldValue> match(Document doc, SectionTree tree, String kind, List<Grammar> grammars,
                           java.util.function.Predicate<String> itemParagraph) {
        List<Sentence> sentences = sentences(doc, tree).stream()
                .filter(s -> !itemParagraph.test(doc.blocks().get(s.block()).text())).toList();
        Map<String, FieldValue> found = new LinkedHashMap<>();
        List<Grammar> ordered = new ArrayList<>(grammars);
        ordered.sort(java.util.Comparator.comparing(Grammar::fillsGaps));
        for (Grammar g : ordered) {
            List<Sentence> keyed = keyed(sentences, g);
            List<Sentence> scope = g.sections().isEmpty() || keyed.isEmpty() ? sentences : keyed;
            for (GrammarRule rule : g.rules()) {
                if (!rule.appliesTo(kind, g)) {
                    continue;
                }
                for (Sentence s : rule.sectionOnly() && !g.sections().isEmpty() ? keyed : scope) {
                    apply(doc, g, rule, s, found);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The sentences of a grammar's sections (a grammar reads all sentences where the report has none of them). */
    private static List<Sentence> keyed(List<Sentence> sentences, Grammar g) {
        return sentences.stream().filter(s -> s.canonical().stream().anyMatch(g.sections()::contains)).toList();
    }

    private static void apply(Document doc, Grammar g, GrammarRule rule, Sentence s, Map<String, FieldValue> found) {
        for (GrammarRule.Hit hit : rule.read(s.text(), g.unit())) {
            if (!found.containsKey(hit.key())) {
                found.put(hit.key(), new FieldValue(hit.key(), hit.value(), hit.type() == null ? null : unitOf(hit.type()),
                        new Provenance(doc.file(), s.page(), s.section(), s.text(), hit.start(), hit.end(), rule.id(),
                                s.offset() < 0 ? List.of()
                                        : doc.blocks().get(s.block()).boxes(s.offset() + hit.start(), s.offset() + hit.end()))));
            }
        }
    }

    private static String unitOf(Placeholder p) {
        return switch (p) {
            case AMOUNT, CHANGE -> "万元";
            case PERCENT, PCT_CHANGE -> "%";
            default -> null;
        };
    }

    /** A table row read as a line of text: two or more figures without units and no Chinese sentence punctuation. */
    static boolean looksLikeTableRow(String text) {
        if (text.indexOf('，') >= 0 || text.indexOf('。') >= 0 || text.indexOf('；') >= 0 || text.indexOf('：') >= 0) {
            return false;
        }
        java.util.regex.Matcher m = BARE_FIGURE.matcher(text);
        int figures = 0;
        while (m.find()) {
            figures++;
        }
        return figures >= 2;
    }

    /** Splits the narrative of the report proper (not appendices, the glossary or the tables part) into sentences. */
    static List<Sentence> sentences(Document doc, SectionTree tree) {
        List<Sentence> out = new ArrayList<>();
        List<Block> blocks = doc.blocks();
        java.util.Set<Section> units = unitsAmongSeveral(tree);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.isTable() || tree.scopeOf(i) != Scope.MAIN) {
                continue;
            }
            if (!units.isEmpty() && tree.enclosing(i).stream().anyMatch(units::contains)) {
                continue; // one unit's own figures (一、XX局（本级） beside 二、XX中心), not the department's
            }
            List<String> canonical = tree.canonicalPathOf(i);
            if (canonical.contains(TABLES_PART)) {
                continue; // the tables' text, read by the table stage, not as sentences
            }
            String section = tree.pathOf(i);
            int from = 0;
            for (String text : Sentences.split(b.text())) {
                int offset = b.text().indexOf(text, from);
                from = offset < 0 ? from : offset + text.length();
                if (looksLikeTableRow(text)) {
                    continue;
                }
                out.add(new Sentence(text, i, offset, b.page(), section.isEmpty() ? null : section, canonical));
            }
        }
        return out;
    }

    /**
     * The sections named after one unit of the department ({@code unit} in sections.yaml) that stand beside at least
     * one other such section under the same parent: each tells one unit's budget, not the department's.
     */
    static java.util.Set<Section> unitsAmongSeveral(SectionTree tree) {
        java.util.Map<Section, List<Section>> byParent = new java.util.HashMap<>();
        for (Section s : tree.withCanonical(UNIT)) {
            Section parent = tree.enclosing(s.headingBlock()).stream()
                    .filter(p -> p != s && p.level() < s.level()).reduce((a, b) -> b).orElse(null);
            if (parent != null) { // parts titled with the department's name (第二部分 XX办公厅) are no units
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(s);
            }
        }
        java.util.Set<Section> out = new java.util.HashSet<>();
        byParent.values().stream().filter(l -> l.size() >= 2).forEach(out::addAll);
        return out;
    }
}
