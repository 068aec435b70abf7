package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure with the decimals its report wrote it with: records.jsonl holds 10.00万元 as 10, and the tables give it back
 * as 10.00 by reading the figure's own characters (its provenance span). A figure printed in 元 and held in 万元 keeps
 * the four places the conversion adds (96,282,213.44元 → 9628.221344). Where the span does not show the figure
 * (a sum, a figure from a table cell with no span), the value stays as it is.
 */
final class AsWritten {

    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,，]*(?:\\.[0-9]+)?");

    private AsWritten() {
    }

    static BigDecimal of(BigDecimal value, JsonNode provenance) {
        if (value == null || provenance == null) {
            return value;
        }
        String text = provenance.path("text").asText("");
        JsonNode span = provenance.path("span");
        if (!span.isArray() || span.size() != 2) {
            return value;
        }
        int start = span.get(0).asInt();
        int end = span.get(1).asInt();
        if (start < 0 || end > text.length() || start >= end) {
            return value;
        }
        Matcher m = NUMBER.matcher(text.substring(start, end));
        while (m.find()) {
            BigDecimal written = new BigDecimal(m.group().replaceAll("[,，]", ""));
            for (int shift : new int[] {0, 4}) { // as written in 万元 (or %, or a count), or in 元
                BigDecimal w = written.movePointLeft(shift);
                if (w.compareTo(value.abs()) == 0) {
                    return w.scale() > value.scale() ? value.setScale(w.scale()) : value;
                }
            }
        }
        return value;
    }
}
