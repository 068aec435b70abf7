package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's kind in words, as people name it: 部门决算, 部门预算, 单位决算, 单位预算 or 绩效自评. Whether the report is a
 * department's (部门) or a unit's (单位) is said only where the record's own evidence for its kind says so (the words
 * its doc.kind was read from: 2021年度部门决算, 单位预算); otherwise the kind is 决算 or 预算 alone.
 */
final class ReportKinds {

    /** 部门决算 · 单位预算 · 部门（单位）决算 (a department's report that covers its units). */
    private static final Pattern WHOSE = Pattern.compile("(部门|单位)(?:[（(]单位[)）])?(决算|预算)");

    private ReportKinds() {
    }

    /**
     * The kind in words of a record's doc.kind node ({value, provenance: {text, span}}), or null when the record
     * has no kind.
     */
    static String inWords(JsonNode kind) {
        String value = kind.path("value").asText("");
        String word = switch (value) {
            case "final_accounts" -> "决算";
            case "budget" -> "预算";
            case "performance_evaluation" -> "绩效自评";
            default -> null;
        };
        if (word == null || word.equals("绩效自评")) {
            return word;
        }
        String whose = whose(kind.path("provenance"), word);
        return whose == null ? word : whose + word;
    }

    /** 部门 or 单位 as the evidence states it right before the kind's word, else null. */
    private static String whose(JsonNode provenance, String word) {
        String text = provenance.path("text").asText("");
        JsonNode span = provenance.path("span");
        if (span.isArray() && span.size() == 2) {
            int start = span.get(0).asInt();
            int end = span.get(1).asInt();
            if (0 <= start && start < end && end <= text.length()) {
                String stated = stated(text.substring(start, end), word);
                if (stated != null) {
                    return stated;
                }
            }
        }
        return stated(text, word);
    }

    private static String stated(String text, String word) {
        Matcher m = WHOSE.matcher(text);
        while (m.find()) {
            if (m.group(2).equals(word)) {
                return m.group(1);
            }
        }
        return null;
    }
}
