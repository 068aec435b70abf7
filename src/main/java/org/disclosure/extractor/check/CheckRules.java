package org.disclosure.extractor.check;

import org.disclosure.extractor.GrammarFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consistency checks of grammars/checks.yaml: sums, equalities, rates and changes over a record's fields. */
record CheckRules(List<Sum> sums, List<Equal> equals, List<Rate> rates, List<Change> changes,
                  java.util.regex.Pattern narrowerScope) {

    /** A field key that may depend on the report's kind ({final_accounts: three_public.actual, budget: three_public.budget}). */
    record Key(Map<String, String> byKind, String plain) {
        String forKind(String kind) {
            return plain != null ? plain : byKind.get(kind);
        }
    }

    record Sum(String id, Key total, List<String> parts, boolean open, boolean missingPartsAreZero) {
    }

    /**
     * Two statements that must be equal; {@code carryOver} (a pattern of row names of the 收支总表, or null) names
     * the carry-over rows that make up the difference where the report states them (收入总计 = 本年收入合计 + 上年结转结余);
     * {@code carryOverField} the field of the narrative's statement of it, used where the table prints none.
     */
    record Equal(String id, String a, String b, String severity, boolean atMost, String noteZh, String noteEn,
                 java.util.regex.Pattern carryOver, String carryOverField) {
    }

    record Rate(String id, String rate, String numerator, String denominator) {
    }

    record Change(String id, Key value, String change, String pct) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static CheckRules load() {
        try (InputStream in = GrammarFiles.open("checks.yaml")) {
            return parse(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checks.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    static CheckRules parse(JsonNode root) {
        List<Sum> sums = new ArrayList<>();
        for (JsonNode n : root.path("sums")) {
            List<String> parts = new ArrayList<>();
            n.path("parts").forEach(p -> parts.add(p.asText()));
            sums.add(new Sum(n.path("id").asText(), key(n.path("total")), parts, n.path("open").asBoolean(false),
                    "zero".equals(n.path("missing_parts_are").asText())));
        }
        List<Equal> equals = new ArrayList<>();
        for (JsonNode n : root.path("equal")) {
            equals.add(new Equal(n.path("id").asText(), n.path("a").asText(), n.path("b").asText(),
                    n.path("severity").asText("error"), n.path("at_most").asBoolean(false),
                    n.path("note_zh").asText(""), n.path("note_en").asText(""),
                    n.hasNonNull("carry_over") ? java.util.regex.Pattern.compile(n.path("carry_over").asText()) : null,
                    n.path("carry_over_field").asText(null)));
        }
        List<Rate> rates = new ArrayList<>();
        for (JsonNode n : root.path("rates")) {
            rates.add(new Rate(n.path("id").asText(), n.path("rate").asText(), n.path("numerator").asText(),
                    n.path("denominator").asText()));
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode n : root.path("changes")) {
            changes.add(new Change(n.path("id").asText(), key(n.path("value")), n.path("change").asText(),
                    n.path("pct").asText()));
        }
        return new CheckRules(sums, equals, rates, changes, root.hasNonNull("narrower_scope")
                ? java.util.regex.Pattern.compile(root.path("narrower_scope").asText()) : null);
    }

    private static Key key(JsonNode n) {
        if (n.isTextual()) {
            return new Key(Map.of(), n.asText());
        }
        Map<String, String> byKind = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> byKind.put(e.getKey(), e.getValue().asText()));
        return new Key(byKind, null);
    }
}
