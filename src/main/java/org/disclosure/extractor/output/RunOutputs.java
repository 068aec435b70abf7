package org.disclosure.extractor.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a run in every format people read them in, written from the run's records.jsonl and errors.jsonl
 * when it ends (and by the {@code tables} command). Adding a format adds one line to {@link #writers} and its file
 * names to {@link #FILES}.
 */
public final class RunOutputs {

    /** The files the formats write into a run folder: never read as reports. */
    public static final List<String> FILES = List.of(
            "records.csv", "items.csv", "findings.csv", "values.csv", "errors.csv",
            Workbook.FILE,
            Database.FILE); // and parquet/<table>.parquet (ParquetFiles.FOLDER)

    private RunOutputs() {
    }

    /** Every format, in the order they are written. */
    static List<TableWriter> writers(Headers headers) {
        Database database = new Database();
        return List.of(
                new CsvTables(headers),
                new Workbook(headers),
                database,
                new ParquetFiles(database));
    }

    /** The names of every format (csv, xlsx …), as --formats takes them. */
    public static List<String> formats() {
        return writers(Headers.BOTH).stream().map(TableWriter::format).toList();
    }

    /** The formats of {@code names} that are unknown (empty when all are known). */
    public static List<String> unknown(List<String> names) {
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(formats());
        return unknown;
    }

    /**
     * Lets the writers of these formats get ready on a thread of their own (see {@link TableWriter#prepare}) while
     * the run reads its reports; whatever goes wrong there only shows again when they write.
     */
    public static void prepare(List<String> formats) {
        Thread t = new Thread(() -> {
            RunTables.prepare();
            for (TableWriter w : writers(Headers.BOTH)) {
                if (formats.contains(w.format())) {
                    try {
                        w.prepare();
                    } catch (RuntimeException | LinkageError e) {
                        // the real write meets it again and says so
                    }
                }
            }
        }, "prepare-tables");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Writes the tables of the run in {@code dir} in each format named, replacing what earlier runs wrote there.
     */
    public static void write(Path dir, List<String> formats, Headers headers) throws IOException {
        List<Table> tables = RunTables.of(dir);
        for (TableWriter w : writers(headers)) {
            if (formats.contains(w.format())) {
                w.write(tables, dir);
            }
        }
    }
}
