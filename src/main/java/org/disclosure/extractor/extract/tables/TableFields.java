package org.disclosure.extractor.extract.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;

/**
 * The record's fields the standard tables state, by the family mappings of {@code grammars/tables.yaml}: the first cell
 * a mapping finds gives the field, further cells for the same key are alternates (for the consistency checks).
 */
final class TableFields {

    /** The fields, one per key, and the further statements of them. */
    record Found(List<FieldValue> fields, List<FieldValue> alternates) {
    }

    /** One standard table as read: its family, its columns' header paths and its line items in row order. */
    record ReadTable(TableGrammar.Family family, List<String> columns, List<LineItem> items) {
    }

    private static final Pattern YEAR = Pattern.compile("(20[0-9]{2})年");

    private TableFields() {
    }

    /**
     * The fields of the tables of a report of that kind.
     *
     * @param fiscalYear the report's fiscal year, or null: columns naming another year are not read
     */
    static Found of(List<ReadTable> tables, String kind, Integer fiscalYear, TableGrammar.Words words) {
        List<FieldValue> fields = new ArrayList<>();
        List<FieldValue> alternates = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (ReadTable table : tables) {
            Set<LineItem> carried = partsOfCarryOver(table.items(), words);
            for (TableGrammar.FieldMapping m : table.family().fields()) {
                if (!m.appliesTo(kind) || m.unlessTable() != null
                        && table.columns().stream().anyMatch(c -> m.unlessTable().matcher(c).find())
                        || m.withRow() != null && !hasRow(table, m.withRow())
                        || m.withoutRow() != null && hasRow(table, m.withoutRow())) {
                    continue;
                }
                Pattern row = m.row() != null ? m.row() : words.totalRow();
                Pattern column = m.column() != null ? m.column() : words.mainColumn();
                for (LineItem item : table.items()) {
                    if (!matches(row, column, m.unless(), item) || otherYear(item.column(), fiscalYear, words)
                            || carried.contains(item) || budgetBesideActual(m, item, kind, words)) {
                        continue;
                    }
                    String cell = m.key() + "@" + System.identityHashCode(item);
                    if (!cells.add(cell)) {
                        continue;
                    }
                    FieldValue value = new FieldValue(m.key(), item.amount(), "万元", provenance(item, m.key()));
                    if (keys.add(m.key())) {
                        fields.add(value);
                    } else {
                        alternates.add(value);
                    }
                    if (m.row() == null || m.first()) {
                        break; // the first total row only (合计 above the units' own rows)
                    }
                }
            }
        }
        return new Found(fields, alternates);
    }

    /** In final accounts, a budget column read as anything but a budget field (预算数 beside 决算数). */
    private static boolean budgetBesideActual(TableGrammar.FieldMapping m, LineItem item, String kind, TableGrammar.Words words) {
        return "final_accounts".equals(kind) && words.budgetColumn() != null && !m.key().endsWith(".budget")
                && words.budgetColumn().matcher(item.column()).find();
    }

    /**
     * The rows that are parts of a carry-over row (上年结转 | 其中：财政拨款): those after it in the same column, up
     * to the next total row.
     */
    private static Set<LineItem> partsOfCarryOver(List<LineItem> items, TableGrammar.Words words) {
        Set<LineItem> parts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (words.carryOver() == null) {
            return parts;
        }
        Set<String> under = new HashSet<>();
        for (LineItem item : items) {
            String name = CellText.bareName(item.rowName());
            if (words.carryOver().matcher(name).find()) {
                under.add(item.column());
            } else if (words.totals().matcher(name).find()) {
                under.remove(item.column());
            } else if (under.contains(item.column())) {
                parts.add(item);
            }
        }
        return parts;
    }

    private static boolean hasRow(ReadTable table, Pattern name) {
        return table.items().stream().anyMatch(i -> name.matcher(CellText.bareName(i.rowName())).find());
    }

    private static boolean matches(Pattern row, Pattern column, Pattern unless, LineItem item) {
        return row.matcher(CellText.bareName(item.rowName())).find() && column.matcher(item.column()).find()
                && (unless == null || !unless.matcher(item.column()).find());
    }

    /** A column of another year's figures or of changes (上年, 增减变化情况, 2025年预算数 in a 2026 report). */
    private static boolean otherYear(String column, Integer fiscalYear, TableGrammar.Words words) {
        if (words.otherYears().matcher(column).find()) {
            return true;
        }
        if (fiscalYear == null) {
            return false;
        }
        Matcher year = YEAR.matcher(column);
        while (year.find()) {
            if (Integer.parseInt(year.group(1)) != fiscalYear) {
                return true;
            }
        }
        return false;
    }

    private static Provenance provenance(LineItem item, String key) {
        Provenance p = item.provenance();
        return p.withRule(p.rule() + "/" + key);
    }
}
