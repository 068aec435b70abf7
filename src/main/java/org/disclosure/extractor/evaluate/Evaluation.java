package org.disclosure.extractor.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosure.extractor.extract.FieldDictionary;

/**
 * Field-level precision, recall and F1 of records against gold records, counted the way the shared
 * score.py counts: a gold field found with the right value is a true positive, missing a false negative,
 * wrong both a false positive and a false negative, a value for a key the gold does not list (nor
 * accepts as optional) a false positive.
 */
public final class Evaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-4;

    /** True and false positives and false negatives. */
    public record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** One miss: a field missing, wrong or spurious in one record. */
    public record Miss(String document, String key, String what, String gold, String got) {
    }

    /** The result of an evaluation. */
    public record Result(Map<String, Counts> byDocument, Map<String, Counts> byField, List<Miss> misses, Counts total) {
    }

    private Evaluation() {
    }

    public static Result run(Path goldDir, Path records) throws IOException {
        Map<String, JsonNode> gold = new HashMap<>();
        try (Stream<Path> files = Files.walk(goldDir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode g = JSON.readTree(p.toFile());
                if (g.has("document")) {
                    gold.put(g.get("document").asText(), g);
                    g.path("aliases").forEach(a -> gold.put(a.asText(), g));
                }
            }
        }
        List<JsonNode> preds = new ArrayList<>();
        for (String line : Files.readAllLines(records)) {
            if (!line.isBlank()) {
                preds.add(JSON.readTree(line));
            }
        }
        Map<String, Counts> byDocument = new LinkedHashMap<>();
        Map<String, Counts> byField = new LinkedHashMap<>();
        List<Miss> misses = new ArrayList<>();
        java.util.Set<String> matched = new java.util.HashSet<>();
        List<Object[]> pairs = new ArrayList<>();
        for (JsonNode rec : preds) {
            String file = rec.at("/source/file").asText();
            JsonNode g = gold.get(stem(file));
            if (g != null) {
                pairs.add(new Object[] {Path.of(file).getFileName().toString(), g, rec});
                matched.add(g.get("document").asText());
            }
        }
        gold.values().stream().distinct().filter(g -> !matched.contains(g.get("document").asText()))
                .forEach(g -> pairs.add(new Object[] {g.get("document").asText(), g, null}));
        pairs.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
        Counts total = new Counts(0, 0, 0);
        for (Object[] pair : pairs) {
            String label = (String) pair[0];
            JsonNode g = (JsonNode) pair[1];
            JsonNode rec = (JsonNode) pair[2];
            Counts doc = new Counts(0, 0, 0);
            for (FieldDictionary.Field f : FieldDictionary.fields()) {
                if (f.projectOnly()) {
                    continue; // not in the shared schema: gold records never hold it
                }
                JsonNode value = rec == null ? null : lookup(rec, f.key());
                JsonNode required = g.path("fields").get(f.key());
                JsonNode optional = g.path("optional").get(f.key());
                Counts c;
                if (required != null) {
                    if (value == null) {
                        c = new Counts(0, 0, 1);
                        misses.add(new Miss(label, f.key(), "missing", required.toString(), null));
                    } else if (accepts(f.type(), required, value)) {
                        c = new Counts(1, 0, 0);
                    } else {
                        c = new Counts(0, 1, 1);
                        misses.add(new Miss(label, f.key(), "wrong", required.toString(), value.toString()));
                    }
                } else if (value != null) {
                    if (optional != null && accepts(f.type(), optional, value)) {
                        continue;
                    }
                    c = new Counts(0, 1, 0);
                    misses.add(new Miss(label, f.key(), "spurious", optional == null ? null : optional.toString(), value.toString()));
                } else {
                    continue;
                }
                doc = doc.plus(c);
                byField.merge(f.key(), c, Counts::plus);
            }
            byDocument.merge(label, doc, Counts::plus);
            total = total.plus(doc);
        }
        return new Result(byDocument, byField, misses, total);
    }

    private static String stem(String file) {
        String base = Path.of(file.replace('\\', '/')).getFileName().toString();
        while (base.contains(".")) {
            base = base.substring(0, base.lastIndexOf('.'));
        }
        return base;
    }

    private static JsonNode lookup(JsonNode rec, String key) {
        JsonNode node = rec;
        for (String part : key.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        if (node.isObject() && node.has("value")) {
            node = node.get("value");
        }
        return node.isNull() || node.isObject() ? null : node;
    }

    private static boolean accepts(String type, JsonNode gold, JsonNode value) {
        if (gold.isArray()) {
            for (JsonNode g : gold) {
                if (same(type, g, value)) {
                    return true;
                }
            }
            return false;
        }
        return same(type, gold, value);
    }

    private static boolean same(String type, JsonNode gold, JsonNode value) {
        if (type.equals("string") || type.equals("enum")) {
            return text(gold.asText()).equals(text(value.asText()));
        }
        try {
            BigDecimal g = new BigDecimal(gold.asText().replace(",", "").strip());
            BigDecimal v = new BigDecimal(value.asText().replace(",", "").strip());
            if (type.equals("integer")) {
                return g.compareTo(v) == 0;
            }
            return g.subtract(v).abs().doubleValue() <= TOLERANCE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
