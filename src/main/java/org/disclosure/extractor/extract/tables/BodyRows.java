package org.disclosure.extractor.extract.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.extract.tables.RowAligner.Role;
import org.disclosure.extractor.extract.tables.TableLayout.BodyRow;
import org.disclosure.extractor.extract.tables.TableLayout.Slot;
import org.disclosure.extractor.ingest.Cell;

/**
 * The body of a laid-out table as labelled amounts: for each side-by-side block and row, its classification code
 * (类 | 款 | 项 parts joined, or split off the front of the name), its name, and each amount cell. Joins a name
 * wrapped over two rows ("机关事业单位基本养老保险缴" / "费支出"); an amount in a block without a label of its own
 * takes the nearest label to its left in the same row (公用经费合计 | … | 65.83).
 */
final class BodyRows {

    /** One amount cell with its row's label. */
    record Amount(String code, String name, int column, String text, List<Cell> row, String rowText, int spanStart,
                  int spanEnd) {
    }

    /** One row of one block while it is being read. */
    private static final class Line {
        String code = "";
        String name = "";
        int index;
        boolean rowNumber;
        String text;
        final Map<Integer, Slot> amounts = new LinkedHashMap<>();
        final List<BodyRow> rows = new ArrayList<>();

        boolean hasLabel() {
            return !code.isEmpty() || !name.isEmpty();
        }
    }

    private BodyRows() {
    }

    static List<Amount> read(TableLayout layout, TableGrammar.Words words) {
        List<Amount> out = new ArrayList<>();
        List<Integer> blocks = layout.blocks();
        List<List<Line>> perBlock = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            int from = blocks.get(b);
            int to = b + 1 < blocks.size() ? blocks.get(b + 1) : layout.width();
            perBlock.add(join(lines(layout, from, to), hasCodes(layout, from, to), words));
        }
        // row-major order: a row's blocks left to right, then the next row
        List<Line> all = new ArrayList<>();
        perBlock.forEach(all::addAll);
        all.sort(java.util.Comparator.comparingInt(l -> l.index));
        all.forEach(line -> emit(line, layout, out));
        return out;
    }

    private static void emit(Line line, TableLayout layout, List<Amount> out) {
        for (Map.Entry<Integer, Slot> e : line.amounts.entrySet()) {
            String code = line.code;
            String name = line.name;
            if (!line.hasLabel()) {
                name = labelLeftOf(line.rows.get(0), e.getKey(), layout);
            }
            Slot slot = e.getValue();
            int start = -1;
            int end = -1;
            if (line.rows.size() == 1 && slot.index() >= 0) {
                start = offset(line.rows.get(0).cells(), slot.index());
                end = start + slot.text().length();
            }
            out.add(new Amount(code, name, e.getKey(), slot.text().strip(), line.rows.get(0).cells(), line.text,
                    start, end));
        }
    }

    /** The lines of one block, one per body row that has anything in the block. */
    private static List<Line> lines(TableLayout layout, int from, int to) {
        List<Line> lines = new ArrayList<>();
        String parentCode = null;
        for (BodyRow row : layout.body()) {
            Line line = new Line();
            line.index = lines.size();
            line.rows.add(row);
            line.text = rowText(row.cells());
            List<String> parts = new ArrayList<>();
            int lastCell = Integer.MIN_VALUE;
            for (int c = from; c < to; c++) {
                Slot s = row.slots().get(c);
                Role role = layout.roles().get(c);
                if (role == Role.CODE_PART) {
                    parts.add(s.cell() == lastCell ? "" : s.text());
                } else if (role == Role.ROW_NUMBER) {
                    line.rowNumber |= !CellText.isNothing(s.text());
                } else if (role == Role.AMOUNT || role == Role.UNKNOWN && !layout.headers().get(c).isEmpty()) {
                    if (s.origin() && CellText.isAmount(s.text())) {
                        line.amounts.put(c, s);
                    }
                    continue;
                } else if (s.cell() != lastCell && !CellText.isNothing(s.text())) {
                    label(line, s.text());
                }
                lastCell = s.cell();
            }
            if (!parts.isEmpty()) {
                if (parts.stream().allMatch(p -> CellText.isNothing(p) || CellText.isCodePart(p))) {
                    String code = CellText.joinCode(parts, parentCode);
                    if (!code.isEmpty()) {
                        line.code = code;
                    }
                } else {
                    parts.stream().filter(p -> !CellText.isNothing(p)).findFirst().ifPresent(p -> label(line, p));
                }
            }
            if (!line.code.isEmpty()) {
                parentCode = line.code;
            }
            lines.add(line);
        }
        return lines;
    }

    /** Takes a label cell: a code, a code and its name, or a name. */
    private static void label(Line line, String text) {
        String t = text.strip();
        if (CellText.isCode(t) && line.code.isEmpty()) {
            line.code = CellText.squash(t);
            return;
        }
        var split = CellText.leadingCode(t);
        if (split.isPresent() && line.code.isEmpty()) {
            line.code = split.get().get(0);
            t = split.get().get(1);
        }
        line.name = line.name.isEmpty() ? t : line.name + t;
    }

    /** Joins wrapped names; drops lines with neither label nor amount. */
    private static List<Line> join(List<Line> lines, boolean codes, TableGrammar.Words words) {
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            Line last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && continues(last, line, codes, words)) {
                last.name += line.name;
                if (last.amounts.isEmpty()) {
                    last.amounts.putAll(line.amounts);
                }
                last.rows.addAll(line.rows);
                last.text = last.text + " / " + line.text;
                continue;
            }
            if (line.hasLabel() || !line.amounts.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * Whether {@code next} is the rest of {@code last}'s wrapped name: it has no code, row number or numbering of its
     * own, is no total, and either {@code last} has no amounts yet (they stand on the name's last line) or it has
     * them and {@code next} is a bare name tail. Without a code column the head must be long (it filled its cell)
     * and the tail short.
     */
    private static boolean continues(Line last, Line next, boolean codes, TableGrammar.Words words) {
        if (!last.hasLabel() || !next.code.isEmpty() || next.rowNumber || last.rowNumber
                || words.totals().matcher(CellText.bareName(last.name)).matches()) {
            return false;
        }
        String tail = CellText.squash(next.name);
        if (CellText.isNumbered(tail) || words.totals().matcher(tail).matches()) {
            return false;
        }
        if (tail.isEmpty()) {
            return false;
        }
        if (last.amounts.isEmpty()) {
            return codes ? !last.code.isEmpty()
                    : CellText.squash(last.name).length() >= 8 && tail.length() <= 4 && !next.amounts.isEmpty();
        }
        return codes && !last.code.isEmpty() && next.amounts.isEmpty()
                && (tail.length() <= 10 || last.name.isEmpty());
    }

    private static boolean hasCodes(TableLayout layout, int from, int to) {
        for (int c = from; c < to; c++) {
            Role r = layout.roles().get(c);
            if (r == Role.CODE || r == Role.CODE_PART) {
                return true;
            }
        }
        return false;
    }

    /** The nearest label left of a column in the row (公用经费合计 | | | 65.83). */
    private static String labelLeftOf(BodyRow row, int column, TableLayout layout) {
        for (int c = column - 1; c >= 0; c--) {
            Role role = layout.roles().get(c);
            Slot s = row.slots().get(c);
            if ((role == Role.NAME || role == Role.CODE) && !CellText.isNothing(s.text()) && !CellText.isCode(s.text())) {
                return s.text().strip();
            }
        }
        return "";
    }

    static String rowText(List<Cell> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(cells.get(i).text());
        }
        return sb.toString();
    }

    private static int offset(List<Cell> cells, int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            offset += cells.get(i).text().length() + 3;
        }
        return offset;
    }
}
