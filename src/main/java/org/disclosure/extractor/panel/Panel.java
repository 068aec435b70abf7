package org.disclosure.extractor.panel;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.panel.CrossYearCheck.CrossYearFinding;

/**
 * The department × year panel of one or more runs: one row per department, scope and year with its budget and final
 * accounts side by side, the changes on the previous year derived from the previous year's reports, and the
 * cross-year findings. Built by a pure function of the records, so that other outputs (the report pages) reuse it.
 *
 * @param rows     by region, department, scope, year
 * @param findings the cross_year findings, in row order
 * @param counts   what became of the records read
 */
public record Panel(List<PanelRow> rows, List<CrossYearFinding> findings, Counts counts) {

    /**
     * What became of the records: placed in the panel, without figures (a reason set: not a report, a template …),
     * without a department, year or kind, or of another kind (a performance self-evaluation standing alone).
     */
    public record Counts(int records, int placed, int withoutFigures, int unidentified, int otherKinds) {
    }

    public Panel {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }

    /** The panel of records as records.jsonl holds them. */
    public static Panel of(List<JsonNode> records) {
        return ofRecords(records.stream().map(PanelRecord::of).toList(), NameVariants.standard(), CrossYearCheck.standard());
    }

    /** The panel of records read already, with the given name variants and check. */
    public static Panel ofRecords(List<PanelRecord> records, NameVariants variants, CrossYearCheck check) {
        int withoutFigures = 0;
        int unidentified = 0;
        int otherKinds = 0;
        List<PanelRecord> placed = new ArrayList<>();
        for (PanelRecord r : records) {
            if (r.reason() != null) {
                withoutFigures++;
            } else if (!r.identified()) {
                unidentified++;
            } else if (!PanelRow.Kinds.ALL.contains(r.kind())) {
                otherKinds++;
            } else {
                placed.add(r);
            }
        }
        placed = new ArrayList<>(new LinkedHashSet<>(placed)); // one file given in two runs is one record
        Map<PanelRecord, PanelRecord.Region> regions = Renames.regions(placed, variants);
        Map<PanelRecord, DepartmentIdentity> identities = Renames.identities(placed, regions, variants);
        Map<PanelRecord, String> scopes = scopes(placed, identities, variants);

        // department, scope, year → kind → its records
        Map<RowKey, Map<String, List<PanelRecord>>> groups = new LinkedHashMap<>();
        for (PanelRecord r : placed) {
            groups.computeIfAbsent(new RowKey(identities.get(r), scopes.get(r), r.year()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
        }
        Map<RowKey, PanelRow> rows = new HashMap<>();
        for (Map.Entry<RowKey, Map<String, List<PanelRecord>>> g : groups.entrySet()) {
            rows.put(g.getKey(), row(g.getKey(), g.getValue(), regions));
        }
        List<PanelRow> withChanges = new ArrayList<>();
        for (Map.Entry<RowKey, PanelRow> e : rows.entrySet()) {
            PanelRow previous = rows.get(e.getKey().previous());
            PanelRow r = e.getValue();
            withChanges.add(new PanelRow(r.identity(), r.scope(), r.year(), r.department(), r.names(), r.region(),
                    r.budget(), r.finalAccounts(), changes(r.budget(), previous == null ? null : previous.budget()),
                    changes(r.finalAccounts(), previous == null ? null : previous.finalAccounts())));
        }
        withChanges.sort(Comparator.comparing((PanelRow r) -> r.region().code().isEmpty() ? "~" : r.region().code())
                .thenComparing(r -> r.identity().name()).thenComparing(PanelRow::scope).thenComparingInt(PanelRow::year));
        Map<RowKey, PanelRow> byKey = new HashMap<>();
        withChanges.forEach(r -> byKey.put(new RowKey(r.identity(), r.scope(), r.year()), r));
        List<CrossYearFinding> findings = new ArrayList<>();
        for (PanelRow r : withChanges) {
            PanelRow previous = byKey.get(new RowKey(r.identity(), r.scope(), r.year() - 1));
            for (String kind : PanelRow.Kinds.ALL) {
                findings.addAll(check.check(r, previous, kind));
            }
        }
        return new Panel(withChanges, findings, new Counts(records.size(), placed.size(), withoutFigures, unidentified, otherKinds));
    }

    /** The panel's rows of one department and scope, by year. */
    public List<PanelRow> history(DepartmentIdentity identity, String scope) {
        return rows.stream().filter(r -> r.identity().equals(identity) && r.scope().equals(scope)).toList();
    }

    /** The keys of the amounts whose change on last year the panel derives (type amount in the field dictionary). */
    public static List<String> amountKeys() {
        return FieldDictionary.fields().stream().filter(f -> f.type().equals("amount") && !f.key().startsWith("doc."))
                .map(FieldDictionary.Field::key).toList();
    }

    private record RowKey(DepartmentIdentity identity, String scope, int year) {
        RowKey previous() {
            return new RowKey(identity, scope, year - 1);
        }
    }

    private static PanelRow row(RowKey key, Map<String, List<PanelRecord>> byKind, Map<PanelRecord, PanelRecord.Region> regions) {
        KindReport budget = byKind.containsKey(PanelRow.Kinds.BUDGET)
                ? KindReport.of(PanelRow.Kinds.BUDGET, byKind.get(PanelRow.Kinds.BUDGET)) : null;
        KindReport finalAccounts = byKind.containsKey(PanelRow.Kinds.FINAL)
                ? KindReport.of(PanelRow.Kinds.FINAL, byKind.get(PanelRow.Kinds.FINAL)) : null;
        Set<String> names = new LinkedHashSet<>();
        PanelRecord.Region region = PanelRecord.Region.UNKNOWN;
        String taken = finalAccounts != null ? finalAccounts.file() : budget.file();
        String department = null;
        List<PanelRecord> all = byKind.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(PanelRecord::file)).toList();
        Map<String, List<String>> filesByName = new TreeMap<>();
        for (PanelRecord r : all) {
            filesByName.computeIfAbsent(r.department(), n -> new ArrayList<>()).add(KindReport.name(r.file()));
            if (r.file().equals(taken)) {
                department = r.department();
            }
            if (region.code().isEmpty() && !regions.get(r).code().isEmpty()) {
                region = regions.get(r);
            }
        }
        filesByName.forEach((n, files) -> names.add(n + "（" + String.join("、", files) + "）"));
        return new PanelRow(key.identity(), key.scope(), key.year(), department, List.copyOf(names), region, budget,
                finalAccounts, Map.of(), Map.of());
    }

    /** This year's figure minus last year's, exactly, for every amount both reports of the kind state. */
    private static Map<String, BigDecimal> changes(KindReport now, KindReport before) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (now == null || before == null) {
            return out;
        }
        for (String key : amountKeys()) {
            BigDecimal a = now.number(key);
            BigDecimal b = before.number(key);
            if (a != null && b != null) {
                out.put(key, a.subtract(b));
            }
        }
        return out;
    }

    /**
     * Each record's scope: as its statement of kind says; a volume that says none takes the one scope its
     * department has in that year and kind, else the one scope it has in any year; else it stays 未说明.
     */
    private static Map<PanelRecord, String> scopes(List<PanelRecord> records, Map<PanelRecord, DepartmentIdentity> ids,
                                                   NameVariants variants) {
        Map<PanelRecord, String> stated = new HashMap<>();
        Map<String, Set<String>> byYearKind = new HashMap<>();
        Map<DepartmentIdentity, Set<String>> byDepartment = new HashMap<>();
        for (PanelRecord r : records) {
            String s = variants.scope(r.statement());
            stated.put(r, s);
            if (!s.equals(NameVariants.UNSTATED)) {
                byYearKind.computeIfAbsent(ids.get(r) + "|" + r.year() + "|" + r.kind(), k -> new LinkedHashSet<>()).add(s);
                byDepartment.computeIfAbsent(ids.get(r), k -> new LinkedHashSet<>()).add(s);
            }
        }
        Map<PanelRecord, String> out = new HashMap<>();
        for (PanelRecord r : records) {
            String s = stated.get(r);
            if (s.equals(NameVariants.UNSTATED)) {
                Set<String> same = byYearKind.getOrDefault(ids.get(r) + "|" + r.year() + "|" + r.kind(), Set.of());
                Set<String> any = byDepartment.getOrDefault(ids.get(r), Set.of());
                if (same.size() == 1) {
                    s = same.iterator().next();
                } else if (same.isEmpty() && any.size() == 1) {
                    s = any.iterator().next();
                }
            }
            out.put(r, s);
        }
        return out;
    }
}
