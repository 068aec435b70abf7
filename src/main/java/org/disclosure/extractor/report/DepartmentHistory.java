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
 */
public record DepartmentHistory(String id, String name, List<String> names, String province, String city,
                                String county, List<Report> reports, List<JsonNode> findings) {

    /** One report of the department: its year, kind (final_accounts, budget …) and record from records.jsonl. */
    public record Report(int year, String kind, String file, JsonNode record) {
    }

    public DepartmentHistory {
        names = List.copyOf(names);
        reports = reports.stream().sorted(Comparator.comparingInt(Report::year).thenComparing(Report::kind)).toList();
        findings = List.copyOf(findings);
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
