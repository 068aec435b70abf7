package org.disclosure.extractor.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * Loads {@link Table}s into a DuckDB database, as the database file and the Parquet files hold them: one database
 * table per Table, one column per Column typed from its {@link Column.Type}, the Chinese header with its unit and
 * the key as each column's comment, the rows appended through DuckDB's Appender.
 *
 * <p>Names: a key's dots become underscores ({@code three_public.reception} → {@code three_public_reception}), so
 * that queries need no quotes and Spark, which reads a dot as a nested field, reads the Parquet columns as they are.
 * Decimals are {@code DECIMAL(18,6)}: amounts in 万元 come with up to six decimals (yuan to the fen), and twelve
 * digits before the point hold 10¹⁶ yuan; DuckDB keeps them exact in 64 bits and sums them exactly. A column with
 * a value that does not fit (more decimals, or larger) is made {@code DECIMAL(38,s)} wide enough for it, never rounded.
 */
final class DuckDbTables {

    static final int PRECISION = 18;
    static final int SCALE = 6;
    private static final int MAX_PRECISION = 38;

    private DuckDbTables() {
    }

    /** The name the database file is attached under, and made the default catalog. */
    static final String CATALOG = "run";

    /** Opens (creating) the DuckDB database in {@code file}. */
    static DuckDBConnection open(Path file) throws SQLException {
        return open(file, false);
    }

    /**
     * Opens the DuckDB database in {@code file}, creating it unless read only. The file is attached to an in-memory
     * database rather than named in the connection's URL, where a {@code ?} in a folder's name would start options.
     */
    static DuckDBConnection open(Path file, boolean readOnly) throws SQLException {
        DuckDBConnection db = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement s = db.createStatement()) {
            s.execute("ATTACH " + literal(file.toAbsolutePath().toString()) + " AS " + CATALOG + (readOnly ? " (READ_ONLY)" : ""));
            s.execute("USE " + CATALOG);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Where DuckDB may build files for {@code dir}: {@code dir} itself, or a new temporary folder when its path holds a
     * {@code ?}, after which DuckDB reads a file name as options (and fails to find its write-ahead log).
     */
    static Path workFolder(Path dir) throws IOException {
        return usable(dir) ? dir : Files.createTempDirectory("disclosure-extractor-");
    }

    /** Whether DuckDB can open files under this path as named. */
    static boolean usable(Path path) {
        return !path.toAbsolutePath().toString().contains("?");
    }

    /**
     * Moves a file DuckDB built into place, replacing what was there in one step: from another folder it is first
     * copied beside the target under a hidden name.
     */
    static void moveInto(Path built, Path target) throws IOException {
        Path from = built;
        if (!built.getParent().equals(target.getParent())) {
            from = target.resolveSibling("." + target.getFileName() + ".copying");
            Files.copy(built, from, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(built);
        }
        Files.move(from, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a database file with what DuckDB keeps beside it (its write-ahead log). */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }

    /** The name a column has in the database: its key with dots made underscores. */
    static String columnName(Column column) {
        return column.databaseName();
    }

    /** A name as SQL writes it whatever it is (a keyword such as {@code values}, Chinese, a dot). */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A DECIMAL column's precision and scale. */
    private record Width(int precision, int scale) {
        String sql() {
            return "DECIMAL(" + precision + "," + scale + ")";
        }

        /** The width that holds {@code value} too, or null when this one does. */
        Width toHold(BigDecimal value) {
            BigDecimal v = value.stripTrailingZeros();
            int scaleNeeded = Math.max(scale, Math.max(v.scale(), 0));
            int integerDigits = Math.max(v.precision() - v.scale(), 1);
            if (scaleNeeded == scale && integerDigits <= precision - scale) {
                return null;
            }
            return new Width(MAX_PRECISION, scaleNeeded);
        }
    }

    /** A value that does not fit its column's width: the table is loaded again with the wider column. */
    private static final class TooNarrow extends RuntimeException {
        final int column;
        final Width needed;

        TooNarrow(int column, Width needed) {
            super(null, null, false, false);
            this.column = column;
            this.needed = needed;
        }
    }

    /** Creates {@code table} in the database and appends its rows; returns the number of rows. */
    static long load(DuckDBConnection db, Table table) throws SQLException, IOException {
        List<String> names = names(table);
        Map<Integer, Width> widths = new HashMap<>();
        while (true) {
            create(db, table, names, widths);
            try {
                return append(db, table, widths);
            } catch (TooNarrow e) {
                Width needed = e.needed;
                if (needed.precision() > MAX_PRECISION || needed.scale() > MAX_PRECISION - 1) {
                    throw new IOException("table " + table.name() + ", column " + table.columns().get(e.column).key()
                            + ": a number with more digits than a database can hold exactly");
                }
                widths.put(e.column, needed);
                try (Statement s = db.createStatement()) {
                    s.execute("DROP TABLE " + quoted(table.name()));
                }
            }
        }
    }

    /** The columns' names in the database, which must differ from one another. */
    private static List<String> names(Table table) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column c : table.columns()) {
            String name = columnName(c);
            if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("table " + table.name() + ": two columns named " + name + " in the database");
            }
            names.add(name);
        }
        return names;
    }

    private static void create(DuckDBConnection db, Table table, List<String> names, Map<Integer, Width> widths) throws SQLException {
        String t = quoted(table.name());
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE ").append(t).append(" (");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quoted(names.get(i))).append(' ')
                    .append(sqlType(table.columns().get(i).type(), widths.getOrDefault(i, new Width(PRECISION, SCALE))));
        }
        sql.append(')');
        try (Statement s = db.createStatement()) {
            s.execute(sql.toString());
            if (!table.zh().isEmpty()) {
                s.execute("COMMENT ON TABLE " + t + " IS " + literal(table.zh()));
            }
            for (int i = 0; i < names.size(); i++) {
                Column c = table.columns().get(i);
                String about = c.zh().isEmpty() ? c.key() : c.zhWithUnit() + " (" + c.key() + ")";
                s.execute("COMMENT ON COLUMN " + t + "." + quoted(names.get(i)) + " IS " + literal(about));
            }
        }
    }

    private static String sqlType(Column.Type type, Width width) {
        return switch (type) {
            case TEXT, CODE -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> width.sql();
            case BOOLEAN -> "BOOLEAN";
        };
    }

    private static long append(DuckDBConnection db, Table table, Map<Integer, Width> widths) throws SQLException, IOException {
        List<Column> columns = table.columns();
        Width[] width = new Width[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = widths.getOrDefault(i, new Width(PRECISION, SCALE));
        }
        long count = 0;
        try (DuckDBAppender appender = db.createAppender(CATALOG, DuckDBConnection.DEFAULT_SCHEMA, table.name());
             Stream<List<Object>> rows = table.rows().open()) {
            Iterator<List<Object>> it = rows.iterator();
            while (it.hasNext()) {
                List<Object> row = it.next();
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + table.name() + ": a row of " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                appender.beginRow();
                for (int i = 0; i < row.size(); i++) {
                    cell(appender, columns.get(i), row.get(i), i, width[i]);
                }
                appender.endRow();
                count++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count;
    }

    private static void cell(DuckDBAppender appender, Column column, Object value, int index, Width width) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (column.type()) {
            case TEXT, CODE -> appender.append(value.toString());
            case INTEGER -> appender.append((long) (value instanceof Number n ? n.longValue() : Long.parseLong(value.toString())));
            case BOOLEAN -> appender.append((boolean) (value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString())));
            case DECIMAL -> {
                BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                Width wider = width.toHold(d);
                if (wider != null) {
                    throw new TooNarrow(index, wider);
                }
                appender.append(d.setScale(width.scale()));
            }
        }
    }
}
