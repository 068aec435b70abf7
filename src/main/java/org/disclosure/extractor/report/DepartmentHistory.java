package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;

/**
 * One department's reports over the years, as its page shows them.
 *
 * @param id       a short stable name for its page's file
 * @param name     the department's name (its latest report's)
 * @param names    every name its reports gave it
 * @param province 省份, or "" (central departments, or not known)
 * @param city     地市, or ""
 * @param county   区县, or ""
 * @param reports  its reports, by year then kind
 * @param findings findings across its reports (cross-year), beside those inside each report
 * @param derived  changes on the previous year computed by the panel (never stated by a report), by
 *                 "year/kind/key" (2019/budget/three_public.budget)
 */
public record DepartmentHistory(String id, String name, List<String> names, String province, String city,
                                String county, List<Report> reports, List<JsonNode> findings,
                                java.util.Map<String, java.math.BigDecimal> derived) {

    /** One report of the department: its year, kind (final_accounts, budget …) and record from records.jsonl. */
    public record Report(int year, String kind, String file, JsonNode record) {
    }

    public DepartmentHistory {
        names = List.copyOf(names);
        reports = reports.stream().sorted(Comparator.comparingInt(Report::year).thenComparing(Report::kind)).toList();
        findings = List.copyOf(findings);
        derived = java.util.Map.copyOf(derived);
    }

    /** The change on last year of a figure as the panel derived it, or null. */
    java.math.BigDecimal derived(int year, String kind, String key) {
        return derived.get(year + "/" + kind + "/" + key);
    }

    /** The region as people write it: 江苏省 南京市 鼓楼区, or 中央 / 未识别. */
    public String regionText() {
        String r = String.join(" ", List.of(province, city, county).stream().filter(s -> !s.isEmpty()).toList());
        return r.isEmpty() ? "（地区未识别或中央部门）" : r;
    }

    List<Report> ofKind(String kind) {
        return reports.stream().filter(r -> r.kind().equals(kind)).toList();
    }
}
