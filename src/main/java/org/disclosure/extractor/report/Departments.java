package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Groups records into departments: the reports of one department (same name once （本级） and spaces are dropped, same
 * region) over the years. Of several files of one department, year and kind (one report published twice), the one
 * with most fields is shown.
 */
public final class Departments {

    private Departments() {
    }

    public static List<DepartmentHistory> of(List<JsonNode> records) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode r : records) {
            String name = RecordFields.text(r, "doc.department");
            Integer year = RecordFields.integer(r, "doc.fiscal_year");
            String kind = RecordFields.text(r, "doc.kind");
            if (r.has("reason") || name == null || year == null || kind == null) {
                continue;
            }
            groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        List<DepartmentHistory> out = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> g : groups.entrySet()) {
            Map<String, JsonNode> byYearKind = new LinkedHashMap<>();
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (JsonNode r : g.getValue()) {
                names.add(RecordFields.text(r, "doc.department"));
                byYearKind.merge(RecordFields.integer(r, "doc.fiscal_year") + "/" + RecordFields.text(r, "doc.kind"), r,
                        (a, b) -> fieldCount(b) > fieldCount(a) ? b : a);
            }
            List<DepartmentHistory.Report> reports = byYearKind.values().stream()
                    .map(r -> new DepartmentHistory.Report(RecordFields.integer(r, "doc.fiscal_year"),
                            RecordFields.text(r, "doc.kind"), r.path("source").path("file").asText(), r))
                    .toList();
            JsonNode latest = reports.stream().reduce((a, b) -> b.year() >= a.year() ? b : a).orElseThrow().record();
            out.add(new DepartmentHistory(id(g.getKey()), RecordFields.text(latest, "doc.department"), List.copyOf(names),
                    orEmpty(RecordFields.text(latest, "doc.region.province")), orEmpty(RecordFields.text(latest, "doc.region.city")),
                    orEmpty(RecordFields.text(latest, "doc.region.county")), reports, List.of()));
        }
        return out;
    }

    private static String key(JsonNode r) {
        String name = RecordFields.text(r, "doc.department").replaceAll("\\s+", "").replaceAll("[（(]?本级[）)]?$", "");
        String code = RecordFields.text(r, "doc.region.code");
        return (code == null ? "" : code) + "/" + name;
    }

    private static int fieldCount(JsonNode r) {
        int n = 0;
        for (JsonNode group : r) {
            if (group.isObject()) {
                n += group.size();
            }
        }
        return n;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A file name for the page that stays the same from run to run: a digest of the department's key. */
    static String id(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
