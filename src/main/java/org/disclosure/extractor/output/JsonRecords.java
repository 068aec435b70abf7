package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;

/** Turns a record into the JSON object written to records.jsonl: fields nested by dotted key, each with provenance. */
public final class JsonRecords {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {
    }

    /**
     * The node of a dotted key in a record as records.jsonl holds it (doc.region.province → doc → region → province:
     * {value, unit, provenance}), or a missing node.
     */
    public static com.fasterxml.jackson.databind.JsonNode field(com.fasterxml.jackson.databind.JsonNode record, String key) {
        com.fasterxml.jackson.databind.JsonNode node = record;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    public static ObjectNode toJson(ReportRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode source = root.putObject("source");
        source.put("file", record.source().file());
        source.put("sha256", record.source().sha256());
        source.put("format", record.source().format());
        if (record.source().pages() != null) {
            source.put("pages", record.source().pages());
        } else {
            source.putNull("pages");
        }
        if (record.source().damage() != null) {
            source.put("damaged", true);
            source.put("damage", record.source().damage());
        }
        if (record.source().ocr() != null) {
            source.set("ocr", ocr(record.source().ocr()));
        }
        if (record.reason() != null) {
            root.put("reason", record.reason());
        }
        for (FieldValue f : record.fields()) {
            String[] parts = f.key().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            node.set(parts[parts.length - 1], field(f));
        }
        ArrayNode findings = root.putArray("findings");
        record.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode tables = root.putArray("tables");
        record.tables().forEach(i -> tables.add(lineItem(i)));
        return root;
    }

    public static ObjectNode finding(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("rule", f.rule());
        n.put("severity", f.severity());
        n.put("message_zh", f.messageZh());
        n.put("message_en", f.messageEn());
        if (f.expected() != null) {
            putValue(n, "expected", f.expected());
        }
        if (f.actual() != null) {
            putValue(n, "actual", f.actual());
        }
        if (f.difference() != null) {
            putValue(n, "difference", f.difference());
        }
        ArrayNode values = n.putArray("values");
        for (FieldValue v : f.values()) {
            ObjectNode vn = values.addObject();
            vn.put("key", v.key());
            putValue(vn, "value", v.value());
            vn.set("provenance", provenance(v.provenance()));
        }
        if (!f.symptoms().isEmpty()) {
            ArrayNode symptoms = n.putArray("symptoms");
            f.symptoms().forEach(s -> symptoms.add(finding(s)));
        }
        return n;
    }

    static ObjectNode lineItem(LineItem i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("table", i.table());
        n.put("title", i.title());
        if (i.page() != null) {
            n.put("page", i.page());
        }
        n.put("row_code", i.rowCode());
        n.put("row_name", i.rowName());
        n.put("column", i.column());
        putValue(n, "amount", i.amount());
        n.put("rule", i.provenance().rule());
        putBoxes(n, i.provenance());
        putRecognition(n, i.provenance());
        return n;
    }

    private static ObjectNode field(FieldValue f) {
        ObjectNode n = MAPPER.createObjectNode();
        putValue(n, "value", f.value());
        if (f.unit() != null) {
            n.put("unit", f.unit());
        }
        n.set("provenance", provenance(f.provenance()));
        return n;
    }

    static void putValue(ObjectNode n, String name, Object value) {
        if (value instanceof BigDecimal d) {
            n.put(name, d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros());
        } else if (value instanceof Integer i) {
            n.put(name, i);
        } else if (value instanceof Long l) {
            n.put(name, l);
        } else {
            n.put(name, String.valueOf(value));
        }
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", p.file());
        if (p.page() != null) {
            n.put("page", p.page());
        }
        if (p.section() != null) {
            n.put("section", p.section());
        }
        n.put("text", p.text());
        if (p.spanStart() >= 0) {
            ArrayNode span = n.putArray("span");
            span.add(p.spanStart());
            span.add(p.spanEnd());
        }
        n.put("rule", p.rule());
        putBoxes(n, p);
        putRecognition(n, p);
        return n;
    }

    /** For a value read by OCR only: {@code "ocr": true} and the engine's confidence (0–100, to a tenth). */
    private static void putRecognition(ObjectNode n, Provenance p) {
        if (p.ocr()) {
            n.put("ocr", true);
            n.put("confidence", tenth(p.confidence()));
        }
    }

    /**
     * What OCR did for the file: the engine, resolution, pages read and mean confidence; or why pages needing it
     * were not read.
     */
    static ObjectNode ocr(org.disclosure.extractor.ingest.OcrReading reading) {
        ObjectNode n = MAPPER.createObjectNode();
        if (reading.engine() != null) {
            n.put("engine", reading.engine());
            n.put("dpi", reading.dpi());
            ArrayNode pages = n.putArray("pages");
            reading.pages().forEach(pages::add);
            if (!Double.isNaN(reading.confidence())) {
                n.put("confidence", tenth((float) reading.confidence()));
            }
        }
        if (reading.unavailable() != null) {
            n.put("unavailable", reading.unavailable());
        }
        return n;
    }

    /** Where the value's characters are printed on a PDF's pages: [page, x0, y0, x1, y1] a line, in points. */
    private static void putBoxes(ObjectNode n, Provenance p) {
        if (!p.boxes().isEmpty()) {
            ArrayNode boxes = n.putArray("boxes");
            for (org.disclosure.extractor.ingest.Box b : p.boxes()) {
                boxes.addArray().add(b.page()).add(tenth(b.x0())).add(tenth(b.y0())).add(tenth(b.x1())).add(tenth(b.y1()));
            }
        }
    }

    /** A coordinate in points rounded to a tenth, as records.jsonl writes glyph boxes. */
    private static BigDecimal tenth(float points) {
        return BigDecimal.valueOf(points).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** Plain text form of a value, as CSV cells show it. */
    public static String plain(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
