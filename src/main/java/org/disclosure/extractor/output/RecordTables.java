package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The run's tables — records, items, findings, values, errors — row by row, for a caller that holds records one at
 * a time rather than a run folder (the Spark job): the same columns and cells {@link RunTables} gives every format.
 */
public final class RecordTables {

    public static final String RECORDS = "records";
    public static final String ITEMS = "items";
    public static final String FINDINGS = "findings";
    public static final String VALUES = "values";
    public static final String ERRORS = "errors";

    /** The tables, in the order the formats write them. */
    public static final List<String> NAMES = List.of(RECORDS, ITEMS, FINDINGS, VALUES, ERRORS);

    /** The records column that marks a record of several files of one department, year and kind. */
    public static final String DUPLICATE = RecordRows.DUPLICATE;

    private RecordTables() {
    }

    /** The columns of a table (one of {@link #NAMES}). */
    public static List<Column> columns(String table) {
        return switch (table) {
            case RECORDS -> RecordRows.recordColumns();
            case ITEMS -> RecordRows.ITEMS;
            case FINDINGS -> RecordRows.FINDINGS;
            case VALUES -> RecordRows.VALUES;
            case ERRORS -> RunTables.ERROR_COLUMNS;
            default -> throw new IllegalArgumentException("no table " + table);
        };
    }

    /**
     * The rows a record (its line of records.jsonl, parsed) gives one of records, items, findings and values; its
     * row of records has no duplicate mark yet ({@link #duplicates}).
     */
    public static List<List<Object>> rows(String table, JsonNode record) {
        return switch (table) {
            case RECORDS -> List.of(RecordRows.recordRow(record, RecordRows.recordColumns()));
            case ITEMS -> RecordRows.items(record, RecordRows.Whose.of(record));
            case FINDINGS -> RecordRows.findings(record, RecordRows.Whose.of(record));
            case VALUES -> RecordRows.values(record, RecordRows.Whose.of(record));
            default -> throw new IllegalArgumentException("a record gives no rows of " + table);
        };
    }

    /** The row of errors for a file that could not be read (its line of errors.jsonl). */
    public static List<Object> errorRow(String file, String sha256, String reason, String message) {
        List<Object> row = new ArrayList<>();
        row.add(file);
        row.add(sha256);
        row.add(reason);
        row.add(message);
        return row;
    }

    /**
     * The duplicate cell of each row of records (null where a record is the only one of its department, year and
     * kind), in the order of the rows given; rows of different departments may be given together. Each cell names
     * the other files in the order the run's records table lists them, as {@link RunTables} marks them.
     */
    public static List<String> duplicates(List<List<Object>> recordRows) {
        List<Column> columns = RecordRows.recordColumns();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < recordRows.size(); i++) {
            order.add(i);
        }
        Comparator<List<Object>> rowOrder = RunTables.rowOrder(columns);
        order.sort((a, b) -> rowOrder.compare(recordRows.get(a), recordRows.get(b)));
        List<String> marks = Duplicates.mark(order.stream().map(recordRows::get).toList(), columns);
        String[] cells = new String[recordRows.size()];
        for (int i = 0; i < order.size(); i++) {
            cells[order.get(i)] = marks.get(i);
        }
        return Arrays.asList(cells);
    }
}
