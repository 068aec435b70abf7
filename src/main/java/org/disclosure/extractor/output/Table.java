package org.disclosure.extractor.output;

import java.util.List;
import java.util.stream.Stream;

/**
 * A table of rows that every output format writes alike (records, items, findings, values, errors, panel): the
 * CSV, the workbook's sheet, the database table and its Parquet file all come from one {@code Table}.
 * Rows are streamed, so a run of many thousand reports is never held whole; each row has one cell per column, in
 * column order, of the Java type {@link Column.Type} names, or null.
 *
 * @param name    the table's name: file stem (records → records.csv), sheet and database table
 * @param zh      its Chinese title (the sheet's name in the workbook)
 * @param columns its columns
 * @param rows    supplies a fresh stream of its rows each time it is asked (each format reads them once)
 */
public record Table(String name, String zh, List<Column> columns, RowSource rows) {

    /** Supplies the rows of a table; each call starts again from the first row. */
    @FunctionalInterface
    public interface RowSource {
        Stream<List<Object>> open() throws java.io.IOException;
    }

    public Table {
        columns = List.copyOf(columns);
    }

    /** A table whose rows are already in memory. */
    public static Table of(String name, String zh, List<Column> columns, List<List<Object>> rows) {
        List<List<Object>> copy = List.copyOf(rows);
        return new Table(name, zh, columns, copy::stream);
    }

    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
