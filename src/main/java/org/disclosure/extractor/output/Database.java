package org.disclosure.extractor.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * records.duckdb: the run's tables in one DuckDB database file (embedded, no server) for SQL — one table per
 * {@link Table} ({@code records}, {@code items}, {@code findings}, {@code values}, {@code errors}), typed columns
 * named as {@link DuckDbTables} says, each with its Chinese header and unit as its comment. The database is built
 * beside the old one under a hidden name and then moved into place, so a reader never sees half of it.
 */
public final class Database implements TableWriter {

    public static final String FILE = "records.duckdb";

    /** The tables and folder of the last database this writer wrote whole (the Parquet files may be copied from it). */
    private List<Table> written;
    private Path writtenInto;

    @Override
    public String format() {
        return "duckdb";
    }

    @Override
    public void write(List<Table> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(FILE);
        Path work = DuckDbTables.workFolder(dir);
        Path building = work.resolve("." + FILE + ".building");
        DuckDbTables.delete(building);
        written = null;
        try {
            try (DuckDBConnection db = DuckDbTables.open(building)) {
                for (Table t : tables) {
                    DuckDbTables.load(db, t);
                }
                try (Statement s = db.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            } catch (SQLException e) {
                throw new IOException(target + ": the database could not be written: " + firstLine(e)
                        + "; the other outputs are whole", e);
            }
            DuckDbTables.moveInto(building, target);
            written = tables;
            writtenInto = dir;
        } finally {
            DuckDbTables.delete(building);
            if (!work.equals(dir)) {
                Files.deleteIfExists(work);
            }
        }
    }

    /** Loads DuckDB's native library (about 70 MB, unpacked from the jar), which takes a second or two the first time. */
    @Override
    public void prepare() {
        try (java.sql.Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties())) {
            // open and closed: the library stays loaded
        } catch (SQLException e) {
            // only a rehearsal: the write meets it again and says so
        }
    }

    /** The database file this writer wrote from exactly these tables (the same list) into {@code dir}, or null. */
    Path holding(List<Table> tables, Path dir) {
        Path file = dir.resolve(FILE);
        return tables == written && dir.equals(writtenInto) && Files.isRegularFile(file) && DuckDbTables.usable(file) ? file : null;
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
