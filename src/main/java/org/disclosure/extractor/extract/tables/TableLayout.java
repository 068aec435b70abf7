package org.disclosure.extractor.extract.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disclosure.extractor.extract.tables.RowAligner.Role;
import org.disclosure.extractor.ingest.Cell;

/**
 * A table's grid: its header rows and body rows laid over the same columns, what each column holds (code, name,
 * amount …), what each amount column means (the header cells above it, "本年支出/基本支出"), and its side-by-side
 * blocks (收入 | 支出). Works from the cells alone: spans where the format gives them; where it does not, a row
 * with fewer cells than the table has columns is placed by {@link RowAligner} (Word: merged cells come once),
 * or padded on the right (spreadsheets: merged cells come as empty cells, trailing empty cells are dropped).
 *
 * @param headers one header path per column ("" where nothing heads it)
 * @param roles   what each column holds
 * @param blocks  first column of each side-by-side block, in order
 * @param body    the body rows: the row as printed and its cells laid over the columns
 */
record TableLayout(List<String> headers, List<Role> roles, List<Integer> blocks, List<BodyRow> body) {

    /**
     * One position of the grid: the text of the cell covering it, which cell that is (an id unique in the table),
     * whether the cell starts there, and the cell's index in its printed row (-1 where it is not that row's own).
     */
    record Slot(String text, int cell, boolean origin, int index) {

        boolean isEmpty() {
            return CellText.squash(text).isEmpty();
        }
    }

    /** A body row: the cells as printed and the slots they cover. */
    record BodyRow(List<Cell> cells, List<Slot> slots) {
    }

    int width() {
        return roles.size();
    }

    /** Lays out the rows of one table (its title, label, unit and note rows already recognised as such). */
    static TableLayout of(List<List<Cell>> rows, TableIdentity identity) {
        Parts parts = Parts.of(rows, identity);
        int width = parts.width();
        List<Slot[]> header = parts.header();
        boolean padded = parts.spans() || !header.isEmpty() && hasInnerGap(header.get(0))
                || header.stream().anyMatch(h -> h.length < width && hasInnerGap(h));
        Role[] roles = ColumnRoles.of(header, parts.body(), width, identity.words(), false);
        boolean[] blockStarts = ColumnRoles.blockStarts(roles);
        List<Slot[]> placedBody = new ArrayList<>();
        for (Slot[] row : parts.body()) {
            placedBody.add(row.length == width || padded ? pad(row, width)
                    : place(row, width, RowAligner.body(texts(row), roles, blockStarts)));
        }
        Slot[][] placedHeader = new Slot[header.size()][];
        for (int r = header.size() - 1; r >= 0; r--) {
            Slot[] row = header.get(r);
            Slot[] lower = r + 1 < header.size() ? placedHeader[r + 1] : null;
            placedHeader[r] = row.length == width || padded ? pad(row, width)
                    : place(row, width, RowAligner.header(texts(row), identity.words(), roles, blockStarts, lower));
        }
        if (padded && !parts.spans()) {
            fillMergedHeaders(placedHeader);
        }
        Role[] finalRoles = ColumnRoles.of(Arrays.asList(placedHeader), placedBody, width, identity.words(), true);
        List<Integer> blocks = new ArrayList<>();
        boolean[] starts = ColumnRoles.blockStarts(finalRoles);
        for (int c = 0; c < width; c++) {
            if (c == 0 || starts[c]) {
                blocks.add(c);
            }
        }
        List<BodyRow> bodyRows = new ArrayList<>();
        for (int r = 0; r < placedBody.size(); r++) {
            bodyRows.add(new BodyRow(parts.bodyCells().get(r), List.of(placedBody.get(r))));
        }
        return new TableLayout(paths(placedHeader, width), List.of(finalRoles), blocks, bodyRows);
    }

    /**
     * The grid rows of a table before placing: header rows and body rows (title, note, empty and column-number rows
     * left out), spans expanded, and the widest row's width.
     */
    private record Parts(List<Slot[]> header, List<List<Cell>> bodyCells, List<Slot[]> body, int width,
                         boolean spans) {

        static Parts of(List<List<Cell>> rows, TableIdentity identity) {
            boolean spans = rows.stream().flatMap(List::stream).anyMatch(c -> c.rowSpan() > 1 || c.colSpan() > 1);
            List<Slot[]> expanded = expand(rows);
            List<List<Cell>> grid = new ArrayList<>();
            List<Slot[]> slots = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                List<Cell> row = rows.get(r);
                if (!identity.isMetaRow(row) && row.stream().anyMatch(c -> !CellText.squash(c.text()).isEmpty())
                        && !isColumnNumbers(expanded.get(r))) {
                    grid.add(row);
                    slots.add(expanded.get(r));
                }
            }
            int bodyStart = grid.size();
            for (int r = 0; r < grid.size(); r++) {
                if (isBodyRow(slots.get(r), identity.words())) {
                    bodyStart = r;
                    break;
                }
            }
            int width = slots.stream().mapToInt(s -> s.length).max().orElse(0);
            return new Parts(slots.subList(0, bodyStart), grid.subList(bodyStart, grid.size()),
                    slots.subList(bodyStart, slots.size()), width, spans);
        }
    }

    /** Cells laid out as slots, spans expanded (a cell spanning rows also covers the rows below it). */
    private static List<Slot[]> expand(List<List<Cell>> rows) {
        List<List<Slot>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.add(new ArrayList<>());
        }
        int id = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<Slot> line = out.get(r);
            List<Cell> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                int col = 0;
                while (col < line.size() && line.get(col) != null) {
                    col++;
                }
                for (int dr = 0; dr < cell.rowSpan() && r + dr < rows.size(); dr++) {
                    List<Slot> target = out.get(r + dr);
                    for (int dc = 0; dc < cell.colSpan(); dc++) {
                        while (target.size() <= col + dc) {
                            target.add(null);
                        }
                        target.set(col + dc, new Slot(cell.text(), id, dr == 0 && dc == 0, dr == 0 ? i : -1));
                    }
                }
                id++;
            }
        }
        List<Slot[]> result = new ArrayList<>();
        for (List<Slot> line : out) {
            Slot[] s = new Slot[line.size()];
            for (int c = 0; c < s.length; c++) {
                s[c] = line.get(c) != null ? line.get(c) : new Slot("", id++, true, -1);
            }
            result.add(s);
        }
        return result;
    }

    private static Slot[] pad(Slot[] row, int width) {
        Slot[] out = Arrays.copyOf(row, width);
        for (int c = row.length; c < width; c++) {
            out[c] = new Slot("", -1 - c, true, -1);
        }
        return out;
    }

    private static Slot[] place(Slot[] row, int width, RowAligner.Costs costs) {
        RowAligner.Placement p = RowAligner.align(row.length, width, costs);
        Slot[] out = new Slot[width];
        for (int i = 0; i < row.length; i++) {
            for (int k = 0; k < p.span(i); k++) {
                out[p.starts()[i] + k] = new Slot(row[i].text(), row[i].cell(), k == 0 && row[i].origin(), row[i].index());
            }
        }
        for (int c = p.end(); c < width; c++) {
            out[c] = new Slot("", -1 - c, true, -1);
        }
        return out;
    }

    private static List<String> texts(Slot[] row) {
        return Arrays.stream(row).map(Slot::text).toList();
    }

    /** A row of column numbers (栏次 | 1 | 2 …, or 1 … 12, or ** | ** | 1 …): it names the columns, it is not data. */
    static boolean isColumnNumbers(Slot[] row) {
        int expected = -1;
        boolean marker = false;
        int numbers = 0;
        for (Slot s : row) {
            if (!s.origin() || s.isEmpty()) {
                continue;
            }
            String t = CellText.squash(s.text());
            if (t.matches("栏次|行次|序号|\\*+")) {
                marker = true;
            } else if (t.matches("[0-9]{1,2}") || (expected >= 0 && smudged(t, expected))) {
                int n = t.matches("[0-9]{1,2}") ? Integer.parseInt(t) : expected;
                if (expected >= 0 && n != expected) {
                    return false;
                }
                if (expected < 0 && n != 1 && !marker) {
                    return false;
                }
                expected = n + 1;
                numbers++;
            } else {
                return false;
            }
        }
        return numbers >= 2 || marker;
    }

    /**
     * A column number with a stray mark or two around its digits, as OCR reads a small number in a cell (人4, 1]1):
     * its digits are the number expected next in the row.
     */
    private static boolean smudged(String t, int expected) {
        String digits = t.replaceAll("[^0-9]", "");
        return !digits.isEmpty() && t.length() - digits.length() <= 2 && digits.equals(Integer.toString(expected));
    }

    /** The first row of the body: one with an amount, a code, a numbered name, or a total standing alone. */
    private static boolean isBodyRow(Slot[] row, TableGrammar.Words words) {
        List<String> texts = Arrays.stream(row).filter(Slot::origin).map(Slot::text)
                .filter(t -> !CellText.isNothing(t)).toList();
        if (texts.isEmpty()) {
            return false;
        }
        if (texts.stream().anyMatch(CellText::isAmount)) {
            return true;
        }
        String first = texts.get(0);
        if (CellText.isNumbered(first) || CellText.leadingCode(first).isPresent()) {
            return true;
        }
        return texts.size() == 1 && words.totals().matcher(CellText.squash(first)).matches();
    }

    /**
     * A row with an empty cell between two filled ones: merged cells left as empty cells, as spreadsheets do. (Word
     * leaves a cell empty only below a cell merged downwards, which a short row or the top row cannot show.)
     */
    private static boolean hasInnerGap(Slot[] row) {
        boolean filled = false;
        boolean gap = false;
        for (Slot s : row) {
            if (!s.isEmpty()) {
                if (gap && filled) {
                    return true;
                }
                filled = true;
            } else if (filled) {
                gap = true;
            }
        }
        return false;
    }

    /**
     * Spreadsheet headers: an empty header cell right of a filled one, over a column whose lower header cells are
     * filled like those of its left neighbour, is the filled cell's merged continuation.
     */
    private static void fillMergedHeaders(Slot[][] header) {
        for (int r = header.length - 2; r >= 0; r--) {
            for (int c = 1; c < header[r].length; c++) {
                if (header[r][c].isEmpty() && !header[r][c - 1].isEmpty()
                        && !header[r + 1][c].isEmpty() && !header[r + 1][c - 1].isEmpty()) {
                    header[r][c] = new Slot(header[r][c - 1].text(), header[r][c - 1].cell(), false, -1);
                }
            }
        }
    }

    /** The unit a header cell may end with (预算数（元）): the table's unit, read as such, not part of the column's name. */
    private static final java.util.regex.Pattern UNIT_SUFFIX = java.util.regex.Pattern.compile("[（(](?:万元|元|千元|亿元)[)）]$");

    /** Each column's header cells from the top down, joined with "/", each cell once, without a unit suffix. */
    private static List<String> paths(Slot[][] header, int width) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> parts = new ArrayList<>();
            int lastCell = Integer.MIN_VALUE;
            for (Slot[] row : header) {
                Slot s = row[c];
                String t = UNIT_SUFFIX.matcher(CellText.squash(s.text())).replaceFirst("");
                if (t.isEmpty() || s.cell() == lastCell || !parts.isEmpty() && parts.get(parts.size() - 1).equals(t)) {
                    continue;
                }
                parts.add(t);
                lastCell = s.cell();
            }
            out.add(String.join("/", parts));
        }
        return out;
    }
}
