package org.disclosure.extractor.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * parquet/&lt;table&gt;.parquet: each of the run's tables as a Parquet file for pandas, R, Spark or Polars, with the
 * names and types of the database (decimals stay decimals, codes stay text). DuckDB writes them (COPY … TO …
 * (FORMAT parquet)): from records.duckdb where the {@link Database} writer given has just written it from the same
 * tables, otherwise from a scratch database built beside them and deleted after. Each file is written under a
 * hidden name and moved into place whole; other files in the folder (the panel's) are left as they are.
 */
public final class ParquetFiles implements TableWriter {

    public static final String FOLDER = "parquet";

    private final Database database;

    /** Parquet files built from the tables themselves. */
    public ParquetFiles() {
        this(null);
    }

    /** Parquet files copied from the database {@code database} has written of the same tables, when it has. */
    public ParquetFiles(Database database) {
        this.database = database;
    }

    @Override
    public String format() {
        return "parquet";
    }

    @Override
    public void write(List<Table> tables, Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(FOLDER));
        Path built = database == null ? null : database.holding(tables, dir);
        Path work = DuckDbTables.workFolder(folder);
        Path scratch = work.resolve(".parquet.duckdb.building");
        DuckDbTables.delete(scratch);
        try (DuckDBConnection db = DuckDbTables.open(built != null ? built : scratch, built != null);
             Statement s = db.createStatement()) {
            for (Table t : tables) {
                if (built == null) {
                    DuckDbTables.load(db, t);
                }
                Path file = folder.resolve(t.name() + ".parquet");
                Path building = work.resolve("." + t.name() + ".parquet.building");
                Files.deleteIfExists(building);
                s.execute("COPY " + DuckDbTables.quoted(t.name()) + " TO '" + building.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
                DuckDbTables.moveInto(building, file);
            }
        } catch (SQLException e) {
            throw new IOException(folder + ": the Parquet files could not be written: " + Database.firstLine(e)
                    + "; the other outputs are whole", e);
        } finally {
            DuckDbTables.delete(scratch);
            if (!work.equals(folder)) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(work)) {
                    for (Path p : left) {
                        Files.delete(p);
                    }
                }
                Files.delete(work);
            }
        }
    }
}
