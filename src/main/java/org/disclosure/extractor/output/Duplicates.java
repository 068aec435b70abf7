package org.disclosure.extractor.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Marks the records of one department, year and kind of report that come from several files (the same report
 * published as PDF and DOCX, or posted twice): each says which other files hold the same figures and which differ.
 * A department's report (部门预算) and its own unit's (单位预算) are two reports, not one twice.
 * Two figures are the same when one is the other rounded as written (9628.22 and 9628.221344): a report rounded in
 * one file and not in another is the same report.
 */
final class Duplicates {

    /** The most differing figures named in one cell; the rest are counted. */
    private static final int NAMED = 3;

    private Duplicates() {
    }

    /**
     * The duplicate cell of each row (null where the record is the only one of its department-year-kind, or lacks
     * one of them), in the order of the rows.
     *
     * @param rows    rows of {@code records}
     * @param columns their columns
     */
    static List<String> mark(List<List<Object>> rows, List<Column> columns) {
        int file = index(columns, "file");
        int department = index(columns, "doc.department");
        int year = index(columns, "doc.fiscal_year");
        int kind = index(columns, "doc.kind");
        int words = index(columns, RecordRows.KIND_IN_WORDS);
        List<Integer> figures = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String key = columns.get(i).key();
            if (key.contains(".") && !key.startsWith("doc.")) {
                figures.add(i);
            }
        }
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.get(department) != null && row.get(year) != null && row.get(kind) != null) {
                groups.computeIfAbsent(List.of(row.get(department), row.get(year), row.get(kind)), g -> new ArrayList<>()).add(r);
            }
        }
        List<String> marks = new ArrayList<>(java.util.Collections.nCopies(rows.size(), (String) null));
        for (List<Integer> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (int r : group) {
                List<String> same = new ArrayList<>();
                List<String> sameWhereBoth = new ArrayList<>();
                List<String> differ = new ArrayList<>();
                for (int other : group) {
                    if (other == r || !sameWhose(rows.get(r).get(words), rows.get(other).get(words))) {
                        continue;
                    }
                    String otherName = name((String) rows.get(other).get(file), (String) rows.get(r).get(file));
                    Comparison c = compare(rows.get(r), rows.get(other), figures, columns);
                    if (!c.differ().isEmpty()) {
                        differ.add("figures differ from " + otherName + " (" + c.differ() + ")");
                    } else {
                        (c.onlyOne() ? sameWhereBoth : same).add(otherName);
                    }
                }
                List<String> parts = new ArrayList<>();
                if (!same.isEmpty()) {
                    parts.add("same figures as " + String.join(", ", same));
                }
                if (!sameWhereBoth.isEmpty()) {
                    parts.add("same figures (where both state them) as " + String.join(", ", sameWhereBoth));
                }
                parts.addAll(differ);
                marks.set(r, parts.isEmpty() ? null : String.join("; ", parts));
            }
        }
        return marks;
    }

    /** How a record's figures compare with another's: the differing ones named, and whether one states more. */
    private record Comparison(String differ, boolean onlyOne) {
    }

    private static Comparison compare(List<Object> row, List<Object> other, List<Integer> figures, List<Column> columns) {
        List<String> differ = new ArrayList<>();
        boolean onlyOne = false;
        for (int i : figures) {
            Object a = row.get(i);
            Object b = other.get(i);
            if (a == null || b == null) {
                onlyOne |= a != b;
            } else if (!same(a, b)) {
                differ.add(columns.get(i).zh() + " " + plain(a) + " ≠ " + plain(b));
            }
        }
        String named = String.join(", ", differ.subList(0, Math.min(NAMED, differ.size())));
        String more = differ.size() > NAMED ? " and " + (differ.size() - NAMED) + " more" : "";
        return new Comparison(named + more, onlyOne);
    }

    /**
     * Whether two kinds in words can be one report: a department's (部门预算) and a unit's (单位预算) cannot; a kind
     * that does not say whose (预算) can be either.
     */
    private static boolean sameWhose(Object a, Object b) {
        String x = whose(a);
        String y = whose(b);
        return x.isEmpty() || y.isEmpty() || x.equals(y);
    }

    private static String whose(Object words) {
        String w = words == null ? "" : words.toString();
        return w.startsWith("部门") || w.startsWith("单位") ? w.substring(0, 2) : "";
    }

    /** Equal, or equal once the more precise figure is rounded to the other's decimals. */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            int scale = Math.min(x.scale(), y.scale());
            return x.setScale(scale, RoundingMode.HALF_UP).compareTo(y.setScale(scale, RoundingMode.HALF_UP)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String plain(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    /** The other file's name, or its whole path where the two files' names are alike. */
    private static String name(String other, String self) {
        String name = fileName(other);
        return name.equals(fileName(self)) ? other : name;
    }

    private static String fileName(String path) {
        try {
            Path p = Path.of(path).getFileName();
            return p == null ? path : p.toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    private static int index(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("records has no column " + key);
    }
}
