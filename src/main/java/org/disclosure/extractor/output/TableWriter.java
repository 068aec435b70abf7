package org.disclosure.extractor.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One output format (CSV, workbook, database, Parquet): writes a set of tables into a folder. */
public interface TableWriter {

    /** The format's name as options name it: csv, xlsx, duckdb, parquet. */
    String format();

    /** Writes the tables into {@code dir}, replacing earlier files of this format there (atomically where it can). */
    void write(List<Table> tables, Path dir) throws IOException;

    /**
     * Gets ready to write, where the first write of a process is slow (a library's classes loaded): called on a
     * thread of its own while a run reads its reports, so that a run of one file does not wait for it at the end.
     */
    default void prepare() {
    }
}
