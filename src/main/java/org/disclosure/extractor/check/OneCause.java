package org.disclosure.extractor.check;

import static org.disclosure.extractor.check.FindingWords.label;
import static org.disclosure.extractor.check.FindingWords.plain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;

/**
 * One cause, one finding: a single wrong figure breaks every identity it takes part in (a sum, a rate, a
 * change, a restatement), and each check raises its own finding, some blaming figures that are right. Findings
 * that share a figure (the same value read from the same place), or that differ by the same amount and rest on
 * the same table row or sentence, are grouped into one finding naming that figure, with the others as its
 * symptoms. Information (two roundings of one figure) is never grouped.
 */
final class OneCause {

    /** Checks of one item paragraph against itself: each stands on its own (a paragraph may hold two slips). */
    private static final String ITEM_RULES = "item_";

    private OneCause() {
    }

    static List<Finding> group(List<Finding> findings) {
        List<Finding> accusing = findings.stream().filter(f -> !ConsistencyChecker.INFO.equals(f.severity()))
                .filter(f -> !f.rule().startsWith(ITEM_RULES)).toList();
        int n = accusing.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (sameCause(accusing.get(i), accusing.get(j))) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<Finding>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(accusing.get(i));
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            int i = accusing.indexOf(f);
            if (i < 0) {
                out.add(f);
                continue;
            }
            List<Finding> group = groups.get(root(parent, i));
            if (group.size() == 1) {
                out.add(f);
            } else if (group.get(0) == f) {
                out.add(merge(group));
            }
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static boolean sameCause(Finding a, Finding b) {
        for (FieldValue va : a.values()) {
            for (FieldValue vb : b.values()) {
                if (place(va).equals(place(vb))) {
                    return true;
                }
            }
        }
        if (a.difference() == null || b.difference() == null || a.difference().signum() == 0
                || a.difference().abs().compareTo(b.difference().abs()) != 0) {
            return false;
        }
        return a.values().stream().anyMatch(va -> b.values().stream()
                .anyMatch(vb -> Objects.equals(va.provenance().text(), vb.provenance().text())));
    }

    /**
     * A figure: its field, its value and the place it was read (sentence and span). A table cell is its row and
     * value, whichever field or column a check read it as (a 基本支出 cell is basic.total to one check and
     * 合计/基本支出/小计 to another).
     */
    private static String place(FieldValue v) {
        var p = v.provenance();
        if (p.rule() != null && p.rule().startsWith("table:")) {
            return "cell|" + plain(v.value()) + "|" + p.page() + "|" + p.text();
        }
        return v.key() + "|" + plain(v.value()) + "|" + p.page() + "|" + p.text() + "|" + p.spanStart();
    }

    /** The group as one finding under the figure most of its findings share (else the row they share). */
    private static Finding merge(List<Finding> grouped) {
        // a finding already grouped (by the field checks) joins with its symptoms, not as a group within a group
        List<Finding> group = grouped.stream().flatMap(f -> f.symptoms().isEmpty() ? java.util.stream.Stream.of(f)
                : f.symptoms().stream()).toList();
        Map<String, Integer> count = new HashMap<>();
        Map<String, FieldValue> byPlace = new LinkedHashMap<>();
        for (Finding f : group) {
            f.values().stream().map(OneCause::place).distinct().forEach(k -> count.merge(k, 1, Integer::sum));
            f.values().forEach(v -> byPlace.putIfAbsent(place(v), v));
        }
        FieldValue suspect = byPlace.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, FieldValue> e) -> count.get(e.getKey())))
                .filter(e -> count.get(e.getKey()) > 1).map(Map.Entry::getValue).orElse(null);
        List<FieldValue> values = new ArrayList<>(byPlace.values());
        String severity = group.stream().anyMatch(Finding::isError) ? "error" : "warning";
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        String rule;
        if (suspect != null) {
            values.remove(suspect);
            values.add(0, suspect);
            var p = suspect.provenance();
            rule = "suspect/" + suspect.key();
            zh.append(label(suspect.key())).append(plain(suspect.value())).append("万元")
                    .append(p.page() == null ? "" : "（第" + p.page() + "页）")
                    .append("与报告其他数字不符，这一个数字同时造成以下").append(group.size()).append("处不一致：");
            en.append(suspect.key()).append(' ').append(plain(suspect.value()))
                    .append(p.page() == null ? "" : " (p" + p.page() + ")")
                    .append(" disagrees with the report's other figures; this one figure explains ")
                    .append(group.size()).append(" findings:");
        } else {
            rule = "suspect/row";
            FieldValue shared = sharedPlace(group);
            String where = shared == null ? "" : "«" + shared.provenance().text() + "»"
                    + (shared.provenance().page() == null ? "" : "（第" + shared.provenance().page() + "页）");
            zh.append("同一行（句）").append(where).append("中的一个数字相差").append(plain(group.get(0).difference().abs()))
                    .append("万元，同时造成以下").append(group.size()).append("处不一致：");
            en.append("One figure of the same table row or sentence ").append(where).append(", off by ")
                    .append(plain(group.get(0).difference().abs())).append(", explains ").append(group.size()).append(" findings:");
        }
        for (int i = 0; i < group.size(); i++) {
            zh.append(i == 0 ? "" : " ").append('(').append(i + 1).append(") ").append(group.get(i).messageZh());
            en.append(" (").append(i + 1).append(") ").append(group.get(i).messageEn());
        }
        Finding first = group.get(0);
        return new Finding(rule, severity, zh.toString(), en.toString(), values, first.expected(), first.actual(),
                first.difference(), group);
    }

    /** A value of the first finding whose sentence or row every finding of the group rests on. */
    private static FieldValue sharedPlace(List<Finding> group) {
        for (FieldValue v : group.get(0).values()) {
            if (group.stream().allMatch(f -> f.values().stream()
                    .anyMatch(o -> Objects.equals(o.provenance().text(), v.provenance().text())))) {
                return v;
            }
        }
        return null;
    }
}
