package org.disclosure.extractor.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Small hand-made records as extract writes them to records.jsonl: a department, year and kind stated by a title,
 * and figures each read from a sentence (the figure's characters marked as its span).
 */
final class Records {

    private final ObjectNode root = RunRecords.JSON.createObjectNode();
    private final String file;

    private Records(String file) {
        this.file = file;
        root.putObject("source").put("file", file).put("sha256", Integer.toHexString(file.hashCode())).put("format", "pdf");
        root.putArray("findings");
        root.putArray("tables");
    }

    /** A record of a report titled "<year>年<department><部门|单位><预算|决算>". */
    static Records report(String file, String department, int year, String kind, String scope) {
        Records r = new Records(file);
        String word = kind.equals("budget") ? "预算" : "决算";
        String title = year + "年" + department + scope + word;
        int at = title.indexOf(scope + word);
        r.put("doc.department", department, title, title.indexOf(department), title.indexOf(department) + department.length());
        r.put("doc.fiscal_year", year, title, 0, 4);
        r.put("doc.kind", kind, title, at, at + (scope + word).length());
        return r;
    }

    static Records budget(String file, String department, int year) {
        return report(file, department, year, "budget", "部门");
    }

    static Records finalAccounts(String file, String department, int year) {
        return report(file, department, year, "final_accounts", "部门");
    }

    /** A figure read from a sentence: the first place the sentence writes {@code written} is its span. */
    Records figure(String key, String value, String sentence, String written) {
        int at = sentence.indexOf(written);
        if (at < 0) {
            throw new IllegalArgumentException(sentence + " does not write " + written);
        }
        return put(key, new BigDecimal(value), sentence, at, at + written.length());
    }

    /** A figure with a sentence that writes it as "<value>万元". */
    Records figure(String key, String value) {
        String written = value + "万元";
        return figure(key, value, "本年" + key + "为" + written + "。", written);
    }

    Records region(String code, String province, String city, String county) {
        put("doc.region.code", code, "", -1, -1);
        put("doc.region.province", province, "", -1, -1);
        put("doc.region.city", city, "", -1, -1);
        put("doc.region.county", county, "", -1, -1);
        return this;
    }

    Records volume(String volume) {
        return put("doc.volume", volume, "", -1, -1);
    }

    Records put(String key, Object value, String text, int start, int end) {
        String[] parts = key.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = n.has(parts[i]) ? (ObjectNode) n.get(parts[i]) : n.putObject(parts[i]);
        }
        ObjectNode f = n.putObject(parts[parts.length - 1]);
        if (value instanceof BigDecimal d) {
            f.put("value", d);
        } else if (value instanceof Integer i) {
            f.put("value", i);
        } else {
            f.put("value", String.valueOf(value));
        }
        ObjectNode p = f.putObject("provenance").put("file", file).put("page", 3).put("text", text);
        if (start >= 0) {
            p.putArray("span").add(start).add(end);
        }
        p.put("rule", key + "/test");
        return this;
    }

    /** A record without figures, as extract writes a file that is not a report. */
    static JsonNode notAReport(String file) {
        Records r = new Records(file);
        r.root.put("reason", "not-a-report: a checklist");
        return r.root;
    }

    JsonNode json() {
        return root.deepCopy();
    }
}
