package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of one department: its reports, its 三公 expenses and their items over the years, the structure of its
 * expenditure (basic and project, and by 类 in its latest report), and every finding with the sentences it rests on.
 * Budgets and final accounts are never drawn in one series: a budget's figure is a plan, a final account's is spent.
 */
final class DepartmentPage {

    static final Map<String, String> KINDS = Map.of("final_accounts", "决算", "budget", "预算",
            "performance_evaluation", "绩效自评");

    /** The 三公 items drawn, in the order reports list them. */
    private static final Map<String, String> THREE_PUBLIC = new LinkedHashMap<>();

    static {
        THREE_PUBLIC.put("three_public.overseas", "因公出国（境）费");
        THREE_PUBLIC.put("three_public.vehicles", "公务用车购置及运行维护费");
        THREE_PUBLIC.put("three_public.reception", "公务接待费");
    }

    private DepartmentPage() {
    }

    static String render(DepartmentHistory d) {
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"../index.html\">← 全部部门</a></p>");
        b.append("<h1>").append(Html.escape(d.name())).append("</h1>");
        b.append("<p class=\"region\">").append(Html.escape(d.regionText())).append("</p>");
        if (d.names().size() > 1) {
            b.append("<p>报告中的名称：").append(Html.escape(String.join("、", d.names()))).append("</p>");
        }
        reports(b, d);
        for (String kind : List.of("final_accounts", "budget")) {
            threePublic(b, d, kind);
        }
        for (String kind : List.of("final_accounts", "budget")) {
            structure(b, d, kind);
        }
        findings(b, d);
        return Html.page(d.name() + " — 预决算公开数据", b.toString());
    }

    private static void reports(StringBuilder b, DepartmentHistory d) {
        b.append("<h2>报告</h2><table><tr><th>年度</th><th>类型</th><th>文件</th><th>发现问题</th></tr>");
        for (DepartmentHistory.Report r : d.reports()) {
            long errors = severities(r.record(), "error");
            b.append("<tr><td>").append(r.year()).append("</td><td>").append(KINDS.getOrDefault(r.kind(), r.kind()))
                    .append("</td><td>").append(fileLink(r.file())).append("</td><td class=\"num\">")
                    .append(r.record().path("findings").size()).append(errors > 0 ? "（其中错误 " + errors + "）" : "")
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    static long severities(JsonNode record, String severity) {
        long n = 0;
        for (JsonNode f : record.path("findings")) {
            n += f.path("severity").asText().equals(severity) ? 1 : 0;
        }
        return n;
    }

    /** A link to the report's file, by its absolute path (pages are opened on the machine that holds the files). */
    static String fileLink(String file) {
        String name = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        Path p = Path.of(file);
        if (!p.isAbsolute()) {
            return "<span class=\"source\" title=\"" + Html.escape(file) + "\">" + Html.escape(name) + "</span>";
        }
        return "<a class=\"source\" href=\"" + Html.escape(p.toUri().toASCIIString()) + "\" title=\"" + Html.escape(file)
                + "\">" + Html.escape(name) + "</a>";
    }

    private static void threePublic(StringBuilder b, DepartmentHistory d, String kind) {
        List<DepartmentHistory.Report> reports = d.ofKind(kind).stream()
                .filter(r -> THREE_PUBLIC.keySet().stream().anyMatch(k -> RecordFields.amount(r.record(), k) != null)
                        || total(r.record(), kind) != null)
                .toList();
        if (reports.isEmpty()) {
            return;
        }
        String what = kind.equals("budget") ? "预算" : "决算";
        b.append("<h2>“三公”经费（").append(what).append("）</h2>");
        List<String> years = reports.stream().map(r -> String.valueOf(r.year())).toList();
        List<Charts.Series> series = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, String> item : THREE_PUBLIC.entrySet()) {
            series.add(new Charts.Series(item.getValue(), Charts.PALETTE.get(colour++),
                    reports.stream().map(r -> RecordFields.amount(r.record(), item.getKey())).toList()));
        }
        series.add(new Charts.Series("合计", Charts.PALETTE.get(7), reports.stream().map(r -> total(r.record(), kind)).toList()));
        b.append(Charts.bars("“三公”经费" + what + "及其构成", "万元", years, series, false));
        b.append("<table><tr><th>年度</th>");
        series.forEach(s -> b.append("<th>").append(Html.escape(s.name())).append("（万元）</th>"));
        b.append("<th>合计较上年增减（计算，万元）</th><th>出处</th></tr>");
        for (int i = 0; i < reports.size(); i++) {
            b.append("<tr><td>").append(years.get(i)).append("</td>");
            for (Charts.Series s : series) {
                b.append("<td class=\"num\">").append(Html.escape(Numbers.plain(s.values().get(i)))).append("</td>");
            }
            String totalKey = totalKey(reports.get(i).record(), kind);
            b.append("<td class=\"num derived\">").append(Html.escape(Numbers.plain(
                    d.derived(reports.get(i).year(), kind, totalKey)))).append("</td>");
            b.append("<td class=\"source\">").append(Html.escape(RecordFields.page(reports.get(i).record(), totalKey)))
                    .append(" ").append(Html.escape(RecordFields.sentence(reports.get(i).record(), totalKey))).append("</td></tr>");
        }
        b.append("</table>");
        b.append("<p class=\"source\">“计算”一栏是本工具用上一年同类报告的数字算出的增减，不是报告所写；两年报告齐全时才有。</p>");
    }

    /** The 三公 total of a report: the actual figure of final accounts, the budget of a budget. */
    private static BigDecimal total(JsonNode record, String kind) {
        return RecordFields.amount(record, totalKey(record, kind));
    }

    private static String totalKey(JsonNode record, String kind) {
        if (kind.equals("budget")) {
            return "three_public.budget";
        }
        return RecordFields.amount(record, "three_public.actual") != null ? "three_public.actual" : "three_public.budget";
    }

    private static void structure(StringBuilder b, DepartmentHistory d, String kind) {
        List<DepartmentHistory.Report> reports = d.ofKind(kind).stream()
                .filter(r -> RecordFields.amount(r.record(), "expenditure.basic") != null
                        || RecordFields.amount(r.record(), "expenditure.project") != null)
                .toList();
        List<DepartmentHistory.Report> all = d.ofKind(kind);
        if (reports.isEmpty() && all.stream().allMatch(r -> ByClass.of(r.record()).isEmpty())) {
            return;
        }
        String what = kind.equals("budget") ? "预算" : "决算";
        b.append("<h2>支出结构（").append(what).append("）</h2>");
        if (!reports.isEmpty()) {
            List<String> years = reports.stream().map(r -> String.valueOf(r.year())).toList();
            List<Charts.Series> series = List.of(
                    new Charts.Series("基本支出", Charts.PALETTE.get(0),
                            reports.stream().map(r -> RecordFields.amount(r.record(), "expenditure.basic")).toList()),
                    new Charts.Series("项目支出", Charts.PALETTE.get(1),
                            reports.stream().map(r -> RecordFields.amount(r.record(), "expenditure.project")).toList()));
            b.append(Charts.bars("基本支出与项目支出（" + what + "）", "万元", years, series, true));
            b.append("<table><tr><th>年度</th><th>本年支出合计（万元）</th><th>基本支出（万元）</th><th>项目支出（万元）</th></tr>");
            for (DepartmentHistory.Report r : reports) {
                b.append("<tr><td>").append(r.year()).append("</td>");
                for (String k : List.of("expenditure.total", "expenditure.basic", "expenditure.project")) {
                    b.append("<td class=\"num\">").append(Numbers.plain(RecordFields.amount(r.record(), k))).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table>");
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            List<ByClass.Line> lines = ByClass.of(all.get(i).record());
            if (!lines.isEmpty()) {
                b.append("<h3>").append(all.get(i).year()).append("年一般公共预算财政拨款支出（按功能分类“类”）</h3>");
                b.append(Charts.horizontal(all.get(i).year() + "年按类", "万元",
                        lines.stream().map(l -> l.code() + " " + l.name()).toList(),
                        lines.stream().map(ByClass.Line::amount).toList()));
                b.append("<p class=\"source\">出处：").append(Html.escape(lines.get(0).title())).append(" 第")
                        .append(lines.get(0).page()).append("页</p>");
                break;
            }
        }
    }

    private static void findings(StringBuilder b, DepartmentHistory d) {
        List<JsonNode[]> all = new ArrayList<>(); // {finding, record or null}
        for (DepartmentHistory.Report r : d.reports()) {
            for (JsonNode f : r.record().path("findings")) {
                all.add(new JsonNode[] {f, r.record()});
            }
        }
        for (JsonNode f : d.findings()) {
            all.add(new JsonNode[] {f, null});
        }
        b.append("<h2>发现的问题</h2>");
        if (all.isEmpty()) {
            b.append("<p>报告的数字前后一致，未发现问题。</p>");
            return;
        }
        b.append("<p class=\"source\">“错误”指报告中两处含义相同的数字不一致，且不能以四舍五入解释；“提示”可能另有解释；“说明”不构成矛盾。</p>");
        for (JsonNode[] pair : all) {
            JsonNode f = pair[0];
            String severity = f.path("severity").asText();
            String label = switch (severity) {
                case "error" -> "错误";
                case "warning" -> "提示";
                default -> "说明";
            };
            b.append("<div class=\"finding\"><p><span class=\"").append(Html.escape(severity)).append("\">")
                    .append(label).append("</span> ");
            if (pair[1] != null) {
                b.append(RecordFields.integer(pair[1], "doc.fiscal_year") == null ? ""
                        : RecordFields.integer(pair[1], "doc.fiscal_year") + "年"
                        + KINDS.getOrDefault(RecordFields.text(pair[1], "doc.kind"), "") + "：");
            }
            b.append(Html.escape(f.path("message_zh").asText())).append(" <span class=\"source\">（")
                    .append(Html.escape(f.path("rule").asText())).append("）</span></p>");
            java.util.Set<String> quoted = new java.util.HashSet<>();
            for (JsonNode v : f.path("values")) {
                JsonNode p = v.path("provenance");
                if (!quoted.add(p.path("file").asText() + "#" + p.path("page").asText() + "#" + p.path("text").asText())) {
                    continue; // several values of one sentence: the sentence is quoted once
                }
                b.append("<blockquote>").append(Html.escape(p.path("text").asText())).append("<br><span class=\"source\">")
                        .append(fileLink(p.path("file").asText())).append(p.path("page").isInt() ? " 第" + p.path("page").asInt() + "页" : "")
                        .append("</span></blockquote>");
            }
            b.append("</div>");
        }
    }
}
