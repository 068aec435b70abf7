package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.disclosure.extractor.output.JsonRecords;

/** Reads a field of a record as records.jsonl holds it: nested by the parts of its dotted key, value and provenance. */
final class RecordFields {

    private RecordFields() {
    }

    /** The field's node ({value, unit, provenance}), or a missing node. */
    static JsonNode field(JsonNode record, String key) {
        return JsonRecords.field(record, key);
    }

    static BigDecimal amount(JsonNode record, String key) {
        JsonNode v = field(record, key).path("value");
        return v.isNumber() ? v.decimalValue() : null;
    }

    static String text(JsonNode record, String key) {
        JsonNode v = field(record, key).path("value");
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static Integer integer(JsonNode record, String key) {
        JsonNode v = field(record, key).path("value");
        return v.canConvertToInt() ? v.asInt() : null;
    }

    /** "p.12" for the page a field was read on, or "". */
    static String page(JsonNode record, String key) {
        JsonNode p = field(record, key).path("provenance").path("page");
        return p.isInt() ? "第" + p.asInt() + "页" : "";
    }

    static String sentence(JsonNode record, String key) {
        return field(record, key).path("provenance").path("text").asText("");
    }
}
