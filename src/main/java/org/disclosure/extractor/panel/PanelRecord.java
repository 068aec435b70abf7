package org.disclosure.extractor.panel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Provenance;

/**
 * One record of records.jsonl as the panel needs it: who, which year, which kind and scope of report, where, and
 * its figures, each with the sentence or cell it was read from.
 *
 * @param file       the report's file
 * @param reason     why it has no figures (not-a-report, template …), or null
 * @param department doc.department, or null
 * @param year       doc.fiscal_year, or null
 * @param kind       doc.kind (budget, final_accounts, performance_evaluation), or null
 * @param statement  the words that stated its kind (2025年区级单位预算), which also say its scope, or null
 * @param volume     doc.volume (narrative, tables, both), or null
 * @param region     doc.region.*
 * @param figures    every other field with a number, by key, in record order
 * @param texts      every sentence the record carries (its values' provenance), for what they say of the department
 */
public record PanelRecord(String file, String reason, String department, Integer year, String kind, String statement,
                          String volume, Region region, Map<String, FieldValue> figures, List<String> texts) {

    /** Where a department is (doc.region.*); empty strings where not known. */
    public record Region(String code, String province, String city, String county) {
        static final Region UNKNOWN = new Region("", "", "", "");
    }

    public PanelRecord {
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        texts = List.copyOf(texts);
    }

    /** Reads a record as extract wrote it (numbers read as exact decimals). */
    public static PanelRecord of(JsonNode record) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        String file = record.path("source").path("file").asText("");
        collect(record, "", file, fields, texts);
        FieldValue kind = fields.get("doc.kind");
        String statement = null;
        if (kind != null) {
            Provenance p = kind.provenance();
            statement = p.spanStart() >= 0 && p.spanEnd() <= p.text().length() && p.spanEnd() > p.spanStart()
                    ? p.text().substring(p.spanStart(), p.spanEnd()) : p.text();
        }
        Region region = new Region(text(fields, "doc.region.code"), text(fields, "doc.region.province"),
                text(fields, "doc.region.city"), text(fields, "doc.region.county"));
        Map<String, FieldValue> figures = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!k.startsWith("doc.") && (v.value() instanceof BigDecimal || v.value() instanceof Integer)) {
                figures.put(k, v);
            }
        });
        JsonNode reason = record.path("reason");
        return new PanelRecord(file, reason.isMissingNode() || reason.isNull() ? null : reason.asText(),
                nullIfEmpty(text(fields, "doc.department")), year(fields.get("doc.fiscal_year")),
                nullIfEmpty(text(fields, "doc.kind")), statement, nullIfEmpty(text(fields, "doc.volume")), region,
                figures, texts);
    }

    /** Whether the record can take a place in the panel: it has figures, a department, a year and a kind. */
    public boolean identified() {
        return reason == null && department != null && year != null && kind != null;
    }

    private static void collect(JsonNode node, String prefix, String file, Map<String, FieldValue> fields, List<String> texts) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (prefix.isEmpty() && (name.equals("source") || name.equals("findings") || name.equals("tables"))) {
                continue;
            }
            if (!v.isObject()) {
                continue;
            }
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (v.has("value")) {
                Provenance p = provenance(v.path("provenance"), file);
                fields.put(key, new FieldValue(key, value(key, v.get("value")), v.path("unit").isTextual()
                        ? v.path("unit").asText() : null, p));
                if (!p.text().isEmpty()) {
                    texts.add(p.text());
                }
            } else {
                collect(v, key, file, fields, texts);
            }
        }
    }

    /** Counts and years as Integer; every other number (amounts, percentages, scores) as an exact BigDecimal. */
    private static Object value(String key, JsonNode v) {
        boolean count = FieldDictionary.field(key).map(f -> f.type().equals("integer")).orElse(false);
        if (v.isNumber()) {
            return count && v.canConvertToInt() ? (Object) v.asInt() : new BigDecimal(v.asText());
        }
        return v.isNull() ? null : v.asText();
    }

    static Provenance provenance(JsonNode p, String file) {
        JsonNode span = p.path("span");
        int start = span.isArray() && span.size() == 2 ? span.get(0).asInt() : -1;
        int end = span.isArray() && span.size() == 2 ? span.get(1).asInt() : -1;
        return new Provenance(p.path("file").asText(file), p.path("page").isInt() ? p.path("page").asInt() : null,
                p.path("section").isTextual() ? p.path("section").asText() : null, p.path("text").asText(""),
                start, end, p.path("rule").asText(""), java.util.List.of(),
                p.path("ocr").asBoolean(false) ? (float) p.path("confidence").asDouble(0) : null);
    }

    private static String text(Map<String, FieldValue> fields, String key) {
        FieldValue v = fields.get(key);
        return v == null || v.value() == null ? "" : String.valueOf(v.value());
    }

    private static Integer year(FieldValue v) {
        if (v == null) {
            return null;
        }
        if (v.value() instanceof Integer i) {
            return i;
        }
        try {
            return Integer.parseInt(String.valueOf(v.value()).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
