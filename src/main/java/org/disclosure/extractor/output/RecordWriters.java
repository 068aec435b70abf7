package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * Writes the outputs of an extract run as it goes, into one folder: records.jsonl (one record per report) and
 * errors.jsonl (one line per file that could not be read), with dictionary.csv. These are the run's authoritative
 * outputs; the tables people read (records.csv, items.csv, …, records.xlsx) are written from them once the run
 * ends ({@link RunTables}, {@link RunOutputs}).
 * Each record is written and flushed whole, so an interrupted run leaves whole lines.
 */
public final class RecordWriters implements Closeable {

    private final BufferedWriter records;
    private final BufferedWriter errors;

    /** Header of findings.csv as check --format csv writes it. */
    public static final List<String> FINDINGS_HEADER = List.of("file", "department", "year", "rule", "severity", "message_zh",
            "message_en", "expected", "actual", "difference", "values");

    /** Opens the outputs of a folder afresh, replacing what a previous run wrote. */
    public RecordWriters(Path dir) throws IOException {
        this(dir, false);
    }

    /**
     * Opens the outputs of a folder.
     *
     * @param append add to the files a previous run wrote (they must be whole: see {@link OutputFolder})
     */
    public RecordWriters(Path dir, boolean append) throws IOException {
        Files.createDirectories(dir);
        records = open(dir.resolve("records.jsonl"), append);
        errors = open(dir.resolve("errors.jsonl"), append);
        DataDictionary.write(dir);
    }

    private static BufferedWriter open(Path path, boolean append) throws IOException {
        return append && Files.exists(path)
                ? Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    /**
     * A record turned into its line of records.jsonl, ready to append: what a worker process sends back.
     *
     * @param file   the path as given
     * @param sha256 the file's content hash
     * @param reason why the record is empty, or null
     * @param json   its line of records.jsonl, without the line end
     */
    public record Rendered(String file, String sha256, String reason, String json) {
    }

    /** Renders a record into its line of records.jsonl. */
    public static Rendered render(ReportRecord record) throws IOException {
        String json = JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record));
        return new Rendered(record.source().file(), record.source().sha256(), record.reason(), json);
    }

    public void write(ReportRecord record) throws IOException {
        write(render(record));
    }

    /** Appends a rendered record to records.jsonl and flushes it: a record is done once its line is there. */
    public synchronized void write(Rendered r) throws IOException {
        records.write(r.json());
        records.newLine();
        records.flush();
    }

    public synchronized void writeError(String file, String sha256, String reason, String message) throws IOException {
        ObjectNode n = JsonRecords.MAPPER.createObjectNode();
        n.put("file", file);
        if (sha256 != null) {
            n.put("sha256", sha256);
        }
        n.put("reason", reason);
        n.put("message", message);
        errors.write(JsonRecords.MAPPER.writeValueAsString(n));
        errors.newLine();
        errors.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        records.close();
        errors.close();
    }
}
