package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * Writes the outputs of an extract run into one folder: records.jsonl, records.csv (one column per key,
 * UTF-8 with BOM for Excel), values.csv (one row per value with its sentence) and errors.jsonl.
 * Each record is written and flushed whole, so an interrupted run leaves whole lines.
 */
public final class RecordWriters implements Closeable {

    private final BufferedWriter records;
    private final BufferedWriter errors;
    private final CSVPrinter recordsCsv;
    private final CSVPrinter valuesCsv;

    public RecordWriters(Path dir) throws IOException {
        Files.createDirectories(dir);
        records = Files.newBufferedWriter(dir.resolve("records.jsonl"), StandardCharsets.UTF_8);
        errors = Files.newBufferedWriter(dir.resolve("errors.jsonl"), StandardCharsets.UTF_8);
        recordsCsv = csv(dir.resolve("records.csv"));
        List<String> header = new ArrayList<>(List.of("file", "sha256", "format", "pages", "reason"));
        FieldDictionary.fields().forEach(f -> header.add(f.key()));
        recordsCsv.printRecord(header);
        valuesCsv = csv(dir.resolve("values.csv"));
        valuesCsv.printRecord("file", "key", "label", "value", "unit", "page", "section", "text", "rule");
    }

    private static CSVPrinter csv(Path path) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        return new CSVPrinter(w, CSVFormat.DEFAULT);
    }

    public synchronized void write(ReportRecord record) throws IOException {
        records.write(JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record)));
        records.newLine();
        records.flush();
        List<String> row = new ArrayList<>();
        row.add(record.source().file());
        row.add(record.source().sha256());
        row.add(record.source().format());
        row.add(record.source().pages() == null ? "" : record.source().pages().toString());
        row.add(record.reason() == null ? "" : record.reason());
        for (FieldDictionary.Field f : FieldDictionary.fields()) {
            row.add(record.field(f.key()).map(v -> JsonRecords.plain(v.value())).orElse(""));
        }
        recordsCsv.printRecord(row);
        recordsCsv.flush();
        for (FieldValue v : record.fields()) {
            valuesCsv.printRecord(record.source().file(), v.key(),
                    FieldDictionary.field(v.key()).map(FieldDictionary.Field::zh).orElse(""),
                    JsonRecords.plain(v.value()), v.unit() == null ? "" : v.unit(),
                    v.provenance().page() == null ? "" : v.provenance().page(),
                    v.provenance().section() == null ? "" : v.provenance().section(),
                    v.provenance().text(), v.provenance().rule());
        }
        valuesCsv.flush();
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
    }
}
