package org.disclosure.extractor.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.disclosure.extractor.check.PrintedTables.Row;
import org.disclosure.extractor.check.PrintedTables.Table;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * Each standard table against itself (grammars/table_checks.yaml): a row's 合计 against its 基本支出 + 项目支出 …,
 * a column's 合计 row against its 类 rows, each 类 against its 款, each 款 against its 项. A difference that the
 * rounding of the cells involved explains raises nothing; an error only where the rest of the table holds.
 */
final class TableArithmetic {

    /** One identity as the table states it: a total cell and the cells that should make it up. */
    private record Identity(Table table, String zh, String en, LineItem total, List<LineItem> parts, BigDecimal sum,
                            BigDecimal tolerance) {
        BigDecimal difference() {
            return total.amount().subtract(sum);
        }

        boolean holds() {
            return difference().abs().compareTo(tolerance) <= 0;
        }
    }

    private static final Pattern NUMBERING = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[0-9]+[、.．])|\\s");
    /** Identities that must hold elsewhere in a table before one that fails there is called an error. */
    private static final int SOUND = 3;
    /** More failing identities than this in one table: its columns or rows were read wrongly, not printed wrongly. */
    private static final int MOST_FAILING = 3;
    /** 类, 款 and 项 codes (functional 201/20101/2010101, economic 301/30101). */
    private static final Pattern CODE = Pattern.compile("[0-9]{3}(?:[0-9]{2}){0,2}");

    private final TableChecks checks;

    TableArithmetic(TableChecks checks) {
        this.checks = checks;
    }

    List<Finding> check(ReportRecord record) {
        List<Finding> out = new ArrayList<>();
        for (Table t : PrintedTables.of(record.tables())) {
            for (TableChecks.Rows words : checks.rows()) {
                if (words.families().contains(t.family())) {
                    judge(rowIdentities(t, words), "table_row/" + t.family(), out);
                }
            }
            if (checks.columns().families().contains(t.family())) {
                judge(columnIdentities(t), "table_column/" + t.family(), out);
            }
        }
        return out;
    }

    /**
     * Findings for the identities that fail: none where as many fail as hold (the table was read wrongly, or is
     * not what its title says); a warning within twice the rounding or where too few others hold; else an error.
     */
    private static void judge(List<Identity> identities, String rule, List<Finding> out) {
        List<Identity> failing = identities.stream().filter(i -> !i.holds()).toList();
        long holding = identities.size() - failing.size();
        if (failing.isEmpty() || holding < 2L * failing.size() || failing.size() > MOST_FAILING) {
            return;
        }
        // one finding per cause: a wrong cell breaks its row's identity in every column it adds up in, and a total
        // that carries it on (项 → 款 → 类 → 合计) falls short by the same amount in the same column
        List<List<Identity>> causes = new ArrayList<>();
        for (Identity i : failing) {
            List<Identity> joined = causes.stream().filter(g -> sameCause(g.get(0), i)).findFirst().orElse(null);
            if (joined != null) {
                joined.add(i);
            } else {
                causes.add(new ArrayList<>(List.of(i)));
            }
        }
        for (List<Identity> same : causes) {
            Identity i = same.get(0);
            BigDecimal diff = i.difference();
            boolean clear = diff.abs().compareTo(i.tolerance().multiply(BigDecimal.valueOf(2))) > 0;
            String severity = clear && holding >= SOUND ? "error" : "warning";
            List<FieldValue> values = new ArrayList<>();
            for (Identity s : same) {
                values.add(value(s.table(), s.total()));
                s.parts().forEach(p -> values.add(value(s.table(), p)));
            }
            List<String> others = same.subList(1, same.size()).stream()
                    .map(s -> "「" + s.total().rowName() + "」行「" + s.total().column() + "」列").toList();
            String alsoZh = others.isEmpty() ? "" : "另有" + others.size() + "处同样不符：" + String.join("、", others) + "。";
            String alsoEn = others.isEmpty() ? "" : " The same cause breaks " + others.size() + " more: " + String.join(", ", others) + ".";
            out.add(new Finding(rule, severity,
                    "《" + i.table().title() + "》" + i.zh() + "为" + plain(i.total().amount()) + "万元，但其组成部分之和为"
                            + plain(i.sum()) + "万元，相差" + plain(diff) + "万元。" + alsoZh,
                    "\"" + i.table().title() + "\": " + i.en() + " is " + plain(i.total().amount()) + " but its parts sum to "
                            + plain(i.sum()) + "; difference " + plain(diff) + "." + alsoEn,
                    values, i.sum(), i.total().amount(), diff));
        }
    }

    /** Two failing identities one wrong cell explains: the same printed row, or the same column short by the same amount. */
    private static boolean sameCause(Identity a, Identity b) {
        boolean sameRow = a.total().rowCode().equals(b.total().rowCode()) && a.total().rowName().equals(b.total().rowName())
                && a.total().provenance().text().equals(b.total().provenance().text());
        boolean sameShortfall = a.total().column().equals(b.total().column())
                && a.difference().subtract(b.difference()).abs().compareTo(a.tolerance().add(b.tolerance())) <= 0;
        return sameRow || sameShortfall;
    }

    /** 合计 = 基本支出 + 项目支出 … in each row, for every total column whose siblings are all known. */
    private List<Identity> rowIdentities(Table t, TableChecks.Rows words) {
        List<Identity> out = new ArrayList<>();
        BigDecimal coarsest = PrintedTables.coarsest(t);
        for (String total : t.columns()) {
            if (!words.total().matcher(last(total)).matches()) {
                continue;
            }
            String prefix = total.contains("/") ? total.substring(0, total.lastIndexOf('/') + 1) : "";
            Optional<List<List<String>>> parts = parts(t, total, prefix, words);
            if (parts.isEmpty() || parts.get().size() < 2) {
                continue;
            }
            for (Row row : t.rows()) {
                LineItem sum = row.cells().get(total);
                List<LineItem> cells = new ArrayList<>();
                for (List<String> part : parts.get()) {
                    part.stream().map(row.cells()::get).filter(c -> c != null).forEach(cells::add);
                }
                if (sum == null || cells.isEmpty()) {
                    continue;
                }
                String partNames = String.join("＋", parts.get().stream().map(p -> display(p, prefix)).toList());
                out.add(identity(t, "「" + rowName(row) + "」行的" + last(total) + "（应为" + partNames + "）",
                        "row " + rowName(row) + ", column " + total, sum, cells, coarsest));
            }
        }
        return out;
    }

    /**
     * The columns making up each part of a total column: the part's own column, its 小计, or its pieces
     * (基本支出/人员经费 + 基本支出/公用经费); empty where a sibling column is neither a part nor a known aside.
     */
    private static Optional<List<List<String>>> parts(Table t, String total, String prefix, TableChecks.Rows words) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String c : t.columns()) {
            if (c.equals(total) || !c.startsWith(prefix)) {
                continue;
            }
            String rest = c.substring(prefix.length());
            String seg = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            groups.computeIfAbsent(seg, k -> new ArrayList<>()).add(c);
        }
        List<List<String>> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            String seg = g.getKey();
            if (words.notParts().matcher(seg).find()) {
                continue;
            }
            if (!words.parts().matcher(seg).matches() && !words.partPieces().matcher(seg).matches()) {
                return Optional.empty();
            }
            String own = prefix + seg;
            if (g.getValue().contains(own)) {
                parts.add(List.of(own));
                continue;
            }
            Optional<String> subtotal = g.getValue().stream()
                    .filter(c -> c.equals(own + "/小计") || c.equals(own + "/合计")).findFirst();
            if (subtotal.isPresent()) {
                parts.add(List.of(subtotal.get()));
            } else if (g.getValue().stream().allMatch(c -> words.partPieces().matcher(c.substring(own.length() + 1)).matches())) {
                parts.add(g.getValue());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(parts);
    }

    /**
     * Each coded row against the rows it heads, and the 合计 row against the 类 rows, in every amount column. A
     * table whose codes are not all 类/款/项 codes (3, 5 or 7 digits), or whose rows under a heading do not all
     * belong to it, was not read as printed: it is not checked there.
     */
    private List<Identity> columnIdentities(Table t) {
        List<Identity> out = new ArrayList<>();
        TableChecks.Columns words = checks.columns();
        List<Row> coded = new ArrayList<>();
        for (Row row : t.rows()) {
            if (row.code().isEmpty() && !row.cells().isEmpty() && !isTotal(row)) {
                return out; // a row without a code: a part, a subset (其中) or a note — which, the table does not say
            }
            if (!row.code().isEmpty()) {
                if (!CODE.matcher(row.code()).matches()) {
                    return out;
                }
                coded.add(row);
            }
        }
        Set<String> broken = brokenHeads(coded);
        BigDecimal coarsest = PrintedTables.coarsest(t);
        for (String column : t.columns()) {
            if (words.notAmounts().matcher(column).find()) {
                continue;
            }
            Map<String, LineItem> byCode = new LinkedHashMap<>();
            Set<String> ambiguous = new TreeSet<>(broken);
            List<LineItem> totals = new ArrayList<>();
            for (Row row : t.rows()) {
                LineItem cell = row.cells().get(column);
                if (cell == null) {
                    continue;
                }
                if (row.code().isEmpty()) {
                    totals.add(cell);
                    continue;
                }
                LineItem before = byCode.putIfAbsent(row.code(), cell);
                if (before != null && before.amount().compareTo(cell.amount()) != 0) {
                    ambiguous.add(row.code());
                }
            }
            for (Map.Entry<String, LineItem> e : byCode.entrySet()) {
                String code = e.getKey();
                List<String> children = byCode.keySet().stream()
                        .filter(k -> k.length() == code.length() + 2 && k.startsWith(code)).toList();
                if (children.isEmpty() || ambiguous.contains(code) || children.stream().anyMatch(ambiguous::contains)) {
                    continue;
                }
                LineItem head = e.getValue();
                out.add(identity(t, code + "「" + head.rowName() + "」行「" + column + "」列",
                        code + " " + head.rowName() + ", column " + column, head,
                        children.stream().map(byCode::get).toList(), coarsest));
            }
            List<String> classes = byCode.keySet().stream().filter(k -> k.length() == 3).toList();
            boolean oneTotal = totals.stream().map(i -> i.amount().stripTrailingZeros()).distinct().count() == 1;
            if (oneTotal && !classes.isEmpty() && classes.stream().noneMatch(ambiguous::contains)
                    && byCode.keySet().stream().allMatch(k -> classes.stream().anyMatch(k::startsWith))) {
                LineItem total = totals.get(0);
                out.add(identity(t, "「" + total.rowName() + "」行「" + column + "」列",
                        total.rowName() + ", column " + column, total, classes.stream().map(byCode::get).toList(),
                        coarsest));
            }
        }
        return out;
    }

    /**
     * Codes whose rows are not followed by their own: the rows after a heading, up to the next row of its level
     * or above, must all carry codes beginning with the heading's (a row of another 类 among them means the table
     * was not read in its printed order, or a code lost its head).
     */
    private static Set<String> brokenHeads(List<Row> coded) {
        Set<String> broken = new TreeSet<>();
        for (int i = 0; i < coded.size(); i++) {
            String head = coded.get(i).code();
            for (int j = i + 1; j < coded.size() && coded.get(j).code().length() > head.length(); j++) {
                if (!coded.get(j).code().startsWith(head)) {
                    broken.add(head);
                }
            }
        }
        // a code printed twice in one table (two units' rows, or a page read twice) cannot be told apart
        Set<String> seen = new TreeSet<>();
        for (Row r : coded) {
            if (!seen.add(r.code())) {
                broken.add(r.code());
            }
        }
        return broken;
    }

    private boolean isTotal(Row row) {
        return checks.columns().totalRow().matcher(NUMBERING.matcher(row.name()).replaceAll("")).matches();
    }

    private static Identity identity(Table t, String zh, String en, LineItem total, List<LineItem> parts, BigDecimal coarsest) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal tolerance = rounding(total, coarsest);
        for (LineItem p : parts) {
            sum = sum.add(p.amount());
            tolerance = tolerance.add(rounding(p, coarsest));
        }
        return new Identity(t, zh, en, total, parts, sum, tolerance);
    }

    private static BigDecimal rounding(LineItem cell, BigDecimal coarsest) {
        BigDecimal r = PrintedTables.rounding(cell);
        return r != null ? r : coarsest;
    }

    private static FieldValue value(Table t, LineItem cell) {
        String row = (cell.rowCode().isEmpty() ? "" : cell.rowCode() + " ") + cell.rowName();
        return new FieldValue("table:" + t.family() + "/" + row + "/" + cell.column(), cell.amount(), "万元",
                cell.provenance());
    }

    private static String rowName(Row row) {
        return (row.code().isEmpty() ? "" : row.code() + " ") + row.name();
    }

    private static String display(List<String> columns, String prefix) {
        return String.join("＋", columns.stream().map(c -> c.substring(prefix.length())).toList());
    }

    private static String last(String path) {
        return path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
