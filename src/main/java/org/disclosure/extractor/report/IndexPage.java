package org.disclosure.extractor.report;

import java.math.BigDecimal;
import java.util.List;

/** The index: every department, sorted by region then name, with its years, latest 三公 and findings. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<DepartmentHistory> departments, List<String> pageFiles) {
        StringBuilder b = new StringBuilder("<h1>部门预决算公开数据</h1><p>")
                .append(departments.size()).append(" 个部门，")
                .append(departments.stream().mapToInt(d -> d.reports().size()).sum())
                .append(" 份报告。按地区、部门排序；点部门名称看各年数字、图表和发现的问题。</p>");
        b.append("<table><tr><th>省份</th><th>地市</th><th>区县</th><th>部门</th><th>年度</th>"
                + "<th>最近“三公”经费（万元）</th><th>错误</th></tr>");
        for (int i = 0; i < departments.size(); i++) {
            DepartmentHistory d = departments.get(i);
            b.append("<tr><td>").append(Html.escape(d.province())).append("</td><td>").append(Html.escape(d.city()))
                    .append("</td><td>").append(Html.escape(d.county())).append("</td><td><a href=\"")
                    .append(Html.escape(pageFiles.get(i))).append("\">").append(Html.escape(d.name())).append("</a></td><td>")
                    .append(Html.escape(years(d))).append("</td><td class=\"num\">").append(Html.escape(latestThreePublic(d)))
                    .append("</td><td class=\"num\">");
            long errors = d.reports().stream().mapToLong(r -> DepartmentPage.severities(r.record(), "error")).sum()
                    + d.findings().stream().filter(f -> f.path("severity").asText().equals("error")).count();
            b.append(errors == 0 ? "" : "<span class=\"error\">" + errors + "</span>").append("</td></tr>");
        }
        return Html.page("部门预决算公开数据", b.append("</table>").toString());
    }

    /** 2017决算 2018预算 … */
    private static String years(DepartmentHistory d) {
        return String.join(" ", d.reports().stream()
                .map(r -> r.year() + DepartmentPage.KINDS.getOrDefault(r.kind(), r.kind())).toList());
    }

    private static String latestThreePublic(DepartmentHistory d) {
        for (int i = d.reports().size() - 1; i >= 0; i--) {
            DepartmentHistory.Report r = d.reports().get(i);
            String key = r.kind().equals("budget") ? "three_public.budget" : "three_public.actual";
            BigDecimal v = RecordFields.amount(r.record(), key);
            if (v != null) {
                return Numbers.plain(v) + "（" + r.year() + DepartmentPage.KINDS.getOrDefault(r.kind(), "") + "）";
            }
        }
        return "";
    }
}
