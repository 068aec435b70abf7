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
        itemsCsv = csv(dir.resolve("items.csv"));
        itemsCsv.printRecord("file", "department", "year", "table", "title", "row_code", "row_name", "column",
                "amount", "page", "rule");
        findingsCsv = csv(dir.resolve("findings.csv"));
        findingsCsv.printRecord("file", "department", "year", "rule", "severity", "message_zh", "message_en",
                "expected", "actual", "difference", "values");
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
        String department = record.field("doc.department").map(v -> String.valueOf(v.value())).orElse("");
        String year = record.field("doc.fiscal_year").map(v -> String.valueOf(v.value())).orElse("");
        for (LineItem i : record.tables()) {
            itemsCsv.printRecord(record.source().file(), department, year, i.table(), i.title(), i.rowCode(),
                    i.rowName(), i.column(), JsonRecords.plain(i.amount()), i.page() == null ? "" : i.page(),
                    i.provenance().rule());
        }
        itemsCsv.flush();
        for (Finding f : record.findings()) {
            findingsCsv.printRecord(record.source().file(), department, year, f.rule(), f.severity(), f.messageZh(),
                    f.messageEn(), plainOrEmpty(f.expected()), plainOrEmpty(f.actual()), plainOrEmpty(f.difference()),
                    String.join(" | ", f.values().stream().map(v -> v.key() + "=" + JsonRecords.plain(v.value())
                            + " «" + v.provenance().text() + "»" + (v.provenance().page() == null ? "" : " p" + v.provenance().page()))
                            .toList()));
        }
        findingsCsv.flush();
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
