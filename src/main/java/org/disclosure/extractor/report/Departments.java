package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.panel.CrossYearCheck;
import org.disclosure.extractor.panel.KindReport;
import org.disclosure.extractor.panel.Panel;
import org.disclosure.extractor.panel.PanelRow;

/**
 * The departments of the report pages: the panel's departments (one department across years despite name variants
 * and renames, a unit never merged with its department), each with its reports by year and kind — of several files
 * of one report, the one the panel took — and the panel's cross-year findings.
 */
public final class Departments {

    private Departments() {
    }

    public static List<DepartmentHistory> of(List<JsonNode> records) {
        return of(records, Panel.of(records));
    }

    public static List<DepartmentHistory> of(List<JsonNode> records, Panel panel) {
        Map<String, JsonNode> byFile = new HashMap<>();
        for (JsonNode r : records) {
            byFile.putIfAbsent(r.path("source").path("file").asText(), r);
        }
        Map<String, List<PanelRow>> groups = new LinkedHashMap<>();
        for (PanelRow row : panel.rows()) {
            groups.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<JsonNode>> findings = new HashMap<>();
        for (CrossYearCheck.CrossYearFinding f : panel.findings()) {
            findings.computeIfAbsent(key(f.row()), k -> new ArrayList<>()).add(JsonRecords.finding(f.finding()));
        }
        List<DepartmentHistory> out = new ArrayList<>();
        for (Map.Entry<String, List<PanelRow>> g : groups.entrySet()) {
            List<DepartmentHistory.Report> reports = new ArrayList<>();
            LinkedHashSet<String> names = new LinkedHashSet<>();
            Map<String, java.math.BigDecimal> derived = new LinkedHashMap<>();
            for (PanelRow row : g.getValue()) {
                for (String kind : PanelRow.Kinds.ALL) {
                    KindReport k = row.report(kind);
                    JsonNode record = k == null ? null : byFile.get(k.file());
                    if (record == null) {
                        continue;
                    }
                    reports.add(new DepartmentHistory.Report(row.year(), kind, k.file(), record));
                    String name = RecordFields.text(record, "doc.department");
                    if (name != null) {
                        names.add(name);
                    }
                    row.changes(kind).forEach((key, change) -> derived.put(row.year() + "/" + kind + "/" + key, change));
                }
            }
            if (reports.isEmpty()) {
                continue;
            }
            PanelRow latest = g.getValue().get(g.getValue().size() - 1);
            out.add(new DepartmentHistory(id(g.getKey()), latest.department(), List.copyOf(names), latest.region().province(),
                    latest.region().city(), latest.region().county(), reports,
                    findings.getOrDefault(g.getKey(), List.of()), derived));
        }
        return out;
    }

    private static String key(PanelRow row) {
        return row.identity().region() + "/" + row.identity().name() + "/" + row.scope();
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
