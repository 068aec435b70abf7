package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * Writes the outputs of an extract run into one folder: records.jsonl, records.csv (one column per key,
 * UTF-8 with BOM for Excel), values.csv (one row per value with its sentence), items.csv (the tables'
 * line items), findings.csv (consistency findings) and errors.jsonl.
 * Each record is written and flushed whole, so an interrupted run leaves whole lines.
 */
public final class RecordWriters implements Closeable {

    private final BufferedWriter records;
    private final BufferedWriter errors;
    private final CSVPrinter recordsCsv;
    private final CSVPrinter valuesCsv;
    private final CSVPrinter itemsCsv;
    private final CSVPrinter findingsCsv;

    /** Header of records.csv: the source columns, then one column per key of the field dictionary. */
    static List<String> recordsHeader() {
        List<String> header = new ArrayList<>(List.of("file", "sha256", "format", "pages", "reason", "damage"));
        FieldDictionary.fields().forEach(f -> header.add(f.key()));
        return header;
    }

    static final List<String> VALUES_HEADER = List.of("file", "key", "label", "value", "unit", "page", "section", "text", "rule");
    static final List<String> ITEMS_HEADER = List.of("file", "department", "year", "table", "title", "row_code", "row_name",
            "column", "amount", "page", "rule");
    /** Header of findings.csv; check --format csv writes these columns too. */
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
        recordsCsv = csv(dir.resolve("records.csv"), append, recordsHeader());
        valuesCsv = csv(dir.resolve("values.csv"), append, VALUES_HEADER);
        itemsCsv = csv(dir.resolve("items.csv"), append, ITEMS_HEADER);
        findingsCsv = csv(dir.resolve("findings.csv"), append, FINDINGS_HEADER);
        DataDictionary.write(dir);
    }

    private static BufferedWriter open(Path path, boolean append) throws IOException {
        return append && Files.exists(path)
                ? Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    /** The CSV files and their headers, by file name. */
    static Map<String, List<String>> csvHeaders() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("records.csv", recordsHeader());
        h.put("values.csv", VALUES_HEADER);
        h.put("items.csv", ITEMS_HEADER);
        h.put("findings.csv", FINDINGS_HEADER);
        return h;
    }

    /** The first line of a CSV file: the byte order mark (for Excel) and the header row. */
    static String headerLine(List<String> header) {
        return "\uFEFF" + CSVFormat.DEFAULT.format(header.toArray()) + "\r\n";
    }

    /**
     * Opens a CSV output. A new file gets its header written and synced to disk at once, before any row:
     * a run killed in its first second leaves CSV files with their header, not empty ones.
     */
    private static CSVPrinter csv(Path path, boolean append, List<String> header) throws IOException {
        byte[] head = headerLine(header).getBytes(StandardCharsets.UTF_8);
        if (!append || !Files.exists(path) || Files.size(path) < head.length) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(head));
                ch.force(true);
            }
        }
        return new CSVPrinter(Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND), CSVFormat.DEFAULT);
    }

    /**
     * A record turned into the text of every output, ready to append: what a worker process sends back.
     *
     * @param file     the path as given
     * @param sha256   the file's content hash
     * @param reason   why the record is empty, or null
     * @param json     its line of records.jsonl, without the line end
     * @param row      its row of records.csv, CSV with line end ("" for none)
     * @param values   its rows of values.csv, CSV
     * @param items    its rows of items.csv, CSV
     * @param findings its rows of findings.csv, CSV
     */
    public record Rendered(String file, String sha256, String reason, String json, String row, String values,
                           String items, String findings) {
    }

    /** Renders a record into the text of every output. */
    public static Rendered render(ReportRecord record) throws IOException {
        String json = JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record));
        List<Object> row = new ArrayList<>();
        row.add(record.source().file());
        row.add(record.source().sha256());
        row.add(record.source().format());
        row.add(record.source().pages() == null ? "" : record.source().pages().toString());
        row.add(record.reason() == null ? "" : record.reason());
        row.add(record.source().damage() == null ? "" : record.source().damage());
        for (FieldDictionary.Field f : FieldDictionary.fields()) {
            row.add(record.field(f.key()).map(v -> JsonRecords.plain(v.value())).orElse(""));
        }
        StringBuilder values = new StringBuilder();
        CSVPrinter valuesCsv = new CSVPrinter(values, CSVFormat.DEFAULT);
        for (FieldValue v : record.fields()) {
            valuesCsv.printRecord(record.source().file(), v.key(),
                    FieldDictionary.field(v.key()).map(FieldDictionary.Field::zh).orElse(""),
                    JsonRecords.plain(v.value()), v.unit() == null ? "" : v.unit(),
                    v.provenance().page() == null ? "" : v.provenance().page(),
                    v.provenance().section() == null ? "" : v.provenance().section(),
                    v.provenance().text(), v.provenance().rule());
        }
        String department = record.field("doc.department").map(v -> String.valueOf(v.value())).orElse("");
        String year = record.field("doc.fiscal_year").map(v -> String.valueOf(v.value())).orElse("");
        StringBuilder items = new StringBuilder();
        CSVPrinter itemsCsv = new CSVPrinter(items, CSVFormat.DEFAULT);
        for (LineItem i : record.tables()) {
            itemsCsv.printRecord(record.source().file(), department, year, i.table(), i.title(), i.rowCode(),
                    i.rowName(), i.column(), JsonRecords.plain(i.amount()), i.page() == null ? "" : i.page(),
                    i.provenance().rule());
        }
        StringBuilder findings = new StringBuilder();
        CSVPrinter findingsCsv = new CSVPrinter(findings, CSVFormat.DEFAULT);
        for (Finding f : record.findings()) {
            findingsCsv.printRecord(record.source().file(), department, year, f.rule(), f.severity(), f.messageZh(),
                    f.messageEn(), plainOrEmpty(f.expected()), plainOrEmpty(f.actual()), plainOrEmpty(f.difference()),
                    String.join(" | ", f.values().stream().map(v -> v.key() + "=" + JsonRecords.plain(v.value())
                            + " «" + v.provenance().text() + "»" + (v.provenance().page() == null ? "" : " p" + v.provenance().page()))
                            .toList()));
        }
        return new Rendered(record.source().file(), record.source().sha256(), record.reason(), json,
                CSVFormat.DEFAULT.format(row.toArray()) + "\r\n", values.toString(), items.toString(), findings.toString());
    }

    public void write(ReportRecord record) throws IOException {
        write(render(record));
    }

    /**
     * Appends a rendered record to every output and flushes them. records.jsonl is written last: a record
     * is done once its line is there, and {@link OutputFolder} drops the other files' rows of any that is not.
     */
    public synchronized void write(Rendered r) throws IOException {
        append(recordsCsv, r.row());
        append(valuesCsv, r.values());
        append(itemsCsv, r.items());
        append(findingsCsv, r.findings());
        records.write(r.json());
        records.newLine();
        records.flush();
    }

    private static void append(CSVPrinter csv, String text) throws IOException {
        if (!text.isEmpty()) {
            csv.getOut().append(text);
        }
        csv.flush();
    }

    private static String plainOrEmpty(Object v) {
        return v == null ? "" : JsonRecords.plain(v);
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
        recordsCsv.close();
        valuesCsv.close();
        itemsCsv.close();
        findingsCsv.close();
    }
}
