package org.disclosure.extractor.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;

/**
 * A record's standard tables as printed grids again, from its line items: each table (a run of items of one
 * family and title) as rows of cells by column, and how finely each cell was printed (its rounding in 万元).
 */
final class PrintedTables {

    /** One standard table: its rows in order and every column any row fills. */
    record Table(String family, String title, List<Row> rows, Set<String> columns) {
    }

    /** One printed row: its code and name, and its amount cells by (normalised) column. */
    record Row(String code, String name, Integer page, Map<String, LineItem> cells) {
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private PrintedTables() {
    }

    /** The standard tables of the items (the narrative's item paragraphs are no table). */
    static List<Table> of(List<LineItem> items) {
        List<Table> tables = new ArrayList<>();
        String family = null;
        String title = null;
        List<Row> rows = null;
        Row row = null;
        for (LineItem i : items) {
            if (i.table().equals("narrative")) {
                continue;
            }
            if (rows == null || !i.table().equals(family) || !Objects.equals(i.title(), title)) {
                family = i.table();
                title = i.title();
                rows = new ArrayList<>();
                tables.add(new Table(family, title, rows, new LinkedHashSet<>()));
                row = null;
            }
            String column = column(i.column());
            if (row == null || !row.code().equals(i.rowCode()) || !row.name().equals(i.rowName())
                    || !Objects.equals(row.page(), i.page()) || !sameRowText(row, i) || row.cells().containsKey(column)) {
                row = new Row(i.rowCode(), i.rowName(), i.page(), new LinkedHashMap<>());
                rows.add(row);
            }
            row.cells().put(column, i);
            tables.get(tables.size() - 1).columns().add(column);
        }
        return tables;
    }

    private static boolean sameRowText(Row row, LineItem i) {
        LineItem any = row.cells().values().iterator().next();
        return Objects.equals(any.provenance().text(), i.provenance().text());
    }

    /** A header path without its 其中 markers: "其中：/基本支出" and "小计/其中：基本支出" name the part itself. */
    static String column(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            String t = s.strip().replaceFirst("^其中[：:]?", "");
            if (!t.isEmpty()) {
                segments.add(t);
            }
        }
        return String.join("/", segments);
    }

    /** Half a unit of the last digit the cell was printed with, in 万元 (1,511.89 → 0.005; 8,332,285 元 → 0.00005). */
    static BigDecimal rounding(LineItem cell) {
        Provenance p = cell.provenance();
        if (p.spanStart() < 0 || p.spanEnd() > p.text().length() || p.spanStart() >= p.spanEnd()) {
            return null;
        }
        String written = p.text().substring(p.spanStart(), p.spanEnd()).replaceAll("[^0-9.\\-]", "");
        if (written.isEmpty() || written.equals("-") || written.equals(".")) {
            return null;
        }
        int dot = written.indexOf('.');
        int decimals = dot < 0 ? 0 : written.length() - dot - 1;
        BigDecimal half = BigDecimal.ONE.movePointLeft(decimals).multiply(HALF);
        BigDecimal number;
        try {
            number = new BigDecimal(written);
        } catch (NumberFormatException e) {
            return null;
        }
        if (number.signum() == 0 || cell.amount().signum() == 0) {
            return null; // a zero says nothing of the table's unit: the table's other cells do
        }
        // the printed number per 万元: 1 for a table in 万元, 10000 for one in 元
        BigDecimal perWan = number.divide(cell.amount(), MathContext.DECIMAL64).abs();
        return half.divide(perWan, MathContext.DECIMAL64);
    }

    /** The coarsest rounding of any cell of the table: what a cell whose printing is unknown is allowed. */
    static BigDecimal coarsest(Table t) {
        BigDecimal max = null;
        for (Row r : t.rows()) {
            for (LineItem c : r.cells().values()) {
                BigDecimal h = rounding(c);
                if (h != null && c.amount().signum() != 0 && (max == null || h.compareTo(max) > 0)) {
                    max = h;
                }
            }
        }
        return max != null ? max : new BigDecimal("0.005");
    }
}
