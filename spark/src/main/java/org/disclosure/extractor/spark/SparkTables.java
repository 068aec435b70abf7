package org.disclosure.extractor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.disclosure.extractor.output.Column;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordTables;

/**
 * The run's tables as Spark rows: the columns and cells of the CLI's tables ({@link RecordTables}), named as the
 * CLI's Parquet files name them (doc.department → doc_department), with the
 * partition columns {@code province} and {@code year} after them (the record's doc.region.province and
 * doc.fiscal_year; the tables that have a year column already use it).
 */
final class SparkTables {

    static final String PROVINCE = "province";
    static final String YEAR = "year";

    /**
     * Decimals as DuckDB writes the CLI's Parquet: six decimals hold amounts in 万元 to the fen, with room for any
     * total (Spark's decimals have one precision and scale per column).
     */
    static final DataType DECIMAL = DataTypes.createDecimalType(38, 6);

    private SparkTables() {
    }

    /** The Spark schema of a table, its partition columns last (errors has none). */
    static StructType schema(String table) {
        StructType schema = new StructType();
        for (Column c : RecordTables.columns(table)) {
            schema = schema.add(c.databaseName(), type(c.type())); // as the CLI's Parquet names it
        }
        if (!table.equals(RecordTables.ERRORS)) {
            schema = schema.add(PROVINCE, DataTypes.StringType);
            if (!hasYear(table)) {
                schema = schema.add(YEAR, DataTypes.LongType);
            }
        }
        return schema;
    }

    /** The columns a table is partitioned by. */
    static String[] partitions(String table) {
        return table.equals(RecordTables.ERRORS) ? new String[0] : new String[] {PROVINCE, YEAR};
    }

    private static boolean hasYear(String table) {
        return RecordTables.columns(table).stream().anyMatch(c -> c.databaseName().equals(YEAR));
    }

    private static DataType type(Column.Type type) {
        return switch (type) {
            case TEXT, CODE -> DataTypes.StringType;
            case INTEGER -> DataTypes.LongType;
            case DECIMAL -> DECIMAL;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** The rows a record's line of records.jsonl gives a table (records, items, findings or values). */
    static List<Row> rows(String table, String recordJson) {
        JsonNode record;
        try {
            record = JsonRecords.MAPPER.readTree(recordJson);
        } catch (IOException e) {
            throw new UncheckedIOException("a record line could not be read back: " + e.getMessage(), e);
        }
        List<Column> columns = RecordTables.columns(table);
        String province = text(JsonRecords.field(record, "doc.region.province").path("value"));
        Long year = JsonRecords.field(record, "doc.fiscal_year").path("value").canConvertToLong()
                ? JsonRecords.field(record, "doc.fiscal_year").path("value").asLong() : null;
        boolean addYear = !hasYear(table);
        List<Row> rows = new ArrayList<>();
        for (List<Object> cells : RecordTables.rows(table, record)) {
            List<Object> values = cells(cells, columns);
            values.add(province);
            if (addYear) {
                values.add(year);
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    /** The row of errors for a file not read. */
    static Row error(String file, String sha256, String reason, String message) {
        return RowFactory.create(cells(RecordTables.errorRow(file, sha256, reason, message), RecordTables.columns(RecordTables.ERRORS)).toArray());
    }

    /** Cells in the Java types Spark expects for the columns' types. */
    static List<Object> cells(List<Object> cells, List<Column> columns) {
        List<Object> out = new ArrayList<>(cells.size() + 2);
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            out.add(v == null ? null : switch (columns.get(i).type()) {
                case TEXT, CODE -> v.toString();
                case INTEGER -> v instanceof Number n ? n.longValue() : Long.valueOf(v.toString());
                case DECIMAL -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
                case BOOLEAN -> v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
            });
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || !n.isValueNode() || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }
}
