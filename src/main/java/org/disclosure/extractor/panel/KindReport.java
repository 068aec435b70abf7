package org.disclosure.extractor.panel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.extract.FieldValue;

/**
 * A department's report of one kind (budget or final accounts) for one year, from the files that hold it. Where
 * several files hold the same report (published twice, or as a 情况说明 and its 报表), the one with most figures is
 * taken; another file fills only figures that one lacks, and only when it agrees with it on every figure both
 * state (two volumes of one report). Files that disagree are named, with the figures they disagree on.
 *
 * @param kind        budget or final_accounts
 * @param file        the file taken
 * @param otherFiles  the other files of the same department, year, kind and scope
 * @param figures     the figures, by key, each with the sentence or cell it came from
 * @param differences where the files disagree: "key: value (file) ≠ value (file)", empty where they agree
 */
public record KindReport(String kind, String file, List<String> otherFiles, Map<String, FieldValue> figures,
                         List<String> differences) {

    public KindReport {
        otherFiles = List.copyOf(otherFiles);
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        differences = List.copyOf(differences);
    }

    /** The report of the given records, all of one department, year, kind and scope. */
    public static KindReport of(String kind, List<PanelRecord> records) {
        List<PanelRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingInt((PanelRecord r) -> -r.figures().size()).thenComparing(PanelRecord::file));
        PanelRecord first = ordered.get(0);
        Map<String, FieldValue> figures = new LinkedHashMap<>(first.figures());
        List<String> differences = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (PanelRecord other : ordered.subList(1, ordered.size())) {
            others.add(other.file());
            List<String> disagree = disagreements(first, other);
            differences.addAll(disagree);
            if (disagree.isEmpty()) {
                other.figures().forEach(figures::putIfAbsent);
            }
        }
        return new KindReport(kind, first.file(), others, figures, differences);
    }

    public BigDecimal number(String key) {
        FieldValue v = figures.get(key);
        if (v == null) {
            return null;
        }
        return v.value() instanceof BigDecimal d ? d : v.value() instanceof Integer i ? BigDecimal.valueOf(i) : null;
    }

    private static List<String> disagreements(PanelRecord a, PanelRecord b) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, FieldValue> e : a.figures().entrySet()) {
            FieldValue other = b.figures().get(e.getKey());
            if (other != null && !WrittenFigures.sameFigure(e.getValue(), other)) {
                out.add(e.getKey() + ": " + plain(e.getValue().value()) + "（" + name(a.file()) + "）≠ "
                        + plain(other.value()) + "（" + name(b.file()) + "）");
            }
        }
        return out;
    }

    static String plain(Object v) {
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    /** A file's name without its folders, as people recognise it. */
    static String name(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
