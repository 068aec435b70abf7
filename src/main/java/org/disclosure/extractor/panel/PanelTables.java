package org.disclosure.extractor.panel;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.output.Column;
import org.disclosure.extractor.output.Column.Type;
import org.disclosure.extractor.output.Table;
import org.disclosure.extractor.panel.CrossYearCheck.CrossYearFinding;

/**
 * The panel as the tables every output format writes: {@code panel} (one row per department, scope and year; for
 * each figure its budget and final-accounts values side by side, then the changes on last year the panel computed,
 * headed 较上年增减（计算）) and {@code panel_findings} (the cross_year findings with the sentences they rest on).
 */
public final class PanelTables {

    /** Column key suffixes: the figure in the budget, in the final accounts, and their derived changes. */
    public static final String BUDGET = ".budget";
    public static final String FINAL = ".final";
    public static final String DERIVED = "_change_derived";

    private static final List<Column> IDENTITY = List.of(
            new Column("region_code", "行政区划代码", Type.CODE, ""),
            new Column("province", "省份", Type.TEXT, ""),
            new Column("city", "地市", Type.TEXT, ""),
            new Column("county", "区县", Type.TEXT, ""),
            new Column("department", "部门（单位）名称", Type.TEXT, ""),
            new Column("scope", "部门或单位", Type.TEXT, ""),
            new Column("year", "年度", Type.INTEGER, ""),
            new Column("department_key", "跨年识别名", Type.TEXT, ""),
            new Column("names", "各报告中的名称（文件）", Type.TEXT, ""),
            new Column("budget_file", "预算报告文件", Type.TEXT, ""),
            new Column("budget_other_files", "预算报告的其他文件（重复或分册）", Type.TEXT, ""),
            new Column("final_file", "决算报告文件", Type.TEXT, ""),
            new Column("final_other_files", "决算报告的其他文件（重复或分册）", Type.TEXT, ""),
            new Column("files_disagree", "同一报告的文件数字不一致", Type.TEXT, ""));

    private PanelTables() {
    }

    /** Both tables of the panel. */
    public static List<Table> of(Panel panel) {
        return List.of(panel(panel), findings(panel));
    }

    /** One figure's columns in the panel. */
    private record Figure(String key, String kind, boolean derived, Column column) {
    }

    public static Table panel(Panel panel) {
        List<Figure> figures = figures();
        List<Column> columns = new ArrayList<>(IDENTITY);
        figures.forEach(f -> columns.add(f.column()));
        List<List<Object>> rows = new ArrayList<>();
        for (PanelRow r : panel.rows()) {
            List<Object> row = new ArrayList<>();
            row.add(empty(r.region().code()));
            row.add(empty(r.region().province()));
            row.add(empty(r.region().city()));
            row.add(empty(r.region().county()));
            row.add(r.department());
            row.add(r.scope());
            row.add(r.year());
            row.add(r.identity().toString());
            row.add(String.join("；", r.names()));
            row.add(r.budget() == null ? null : KindReport.name(r.budget().file()));
            row.add(r.budget() == null ? null : empty(String.join("；", r.budget().otherFiles().stream().map(KindReport::name).toList())));
            row.add(r.finalAccounts() == null ? null : KindReport.name(r.finalAccounts().file()));
            row.add(r.finalAccounts() == null ? null
                    : empty(String.join("；", r.finalAccounts().otherFiles().stream().map(KindReport::name).toList())));
            List<String> disagree = new ArrayList<>();
            for (String kind : PanelRow.Kinds.ALL) {
                KindReport k = r.report(kind);
                if (k != null) {
                    k.differences().forEach(d -> disagree.add(PanelRow.Kinds.zh(kind) + " " + d));
                }
            }
            row.add(empty(String.join("；", disagree)));
            for (Figure f : figures) {
                if (f.derived()) {
                    row.add(r.changes(f.kind()).get(f.key()));
                } else {
                    KindReport k = r.report(f.kind());
                    FieldValue v = k == null ? null : k.figures().get(f.key());
                    row.add(v == null ? null : v.value());
                }
            }
            rows.add(row);
        }
        return Table.of("panel", "部门年度面板", columns, rows);
    }

    public static Table findings(Panel panel) {
        List<Column> columns = List.of(
                new Column("region_code", "行政区划代码", Type.CODE, ""),
                new Column("department", "部门（单位）名称", Type.TEXT, ""),
                new Column("scope", "部门或单位", Type.TEXT, ""),
                new Column("year", "年度", Type.INTEGER, ""),
                new Column("kind", "报告类型", Type.TEXT, ""),
                new Column("key", "字段", Type.TEXT, ""),
                new Column("rule", "检查", Type.TEXT, ""),
                new Column("severity", "严重程度", Type.TEXT, ""),
                new Column("message_zh", "说明", Type.TEXT, ""),
                new Column("message_en", "说明（英文）", Type.TEXT, ""),
                new Column("expected", "按两年报告计算", Type.DECIMAL, ""),
                new Column("actual", "报告所称", Type.DECIMAL, ""),
                new Column("difference", "相差", Type.DECIMAL, ""),
                new Column("stated_file", "所称增减的文件", Type.TEXT, ""),
                new Column("stated_page", "所称增减的页码", Type.INTEGER, ""),
                new Column("stated_sentence", "所称增减的原文", Type.TEXT, ""),
                new Column("this_year_file", "本年数的文件", Type.TEXT, ""),
                new Column("this_year_page", "本年数的页码", Type.INTEGER, ""),
                new Column("this_year_sentence", "本年数的原文", Type.TEXT, ""),
                new Column("previous_file", "上年报告的文件", Type.TEXT, ""),
                new Column("previous_page", "上年报告的页码", Type.INTEGER, ""),
                new Column("previous_sentence", "上年报告的原文", Type.TEXT, ""));
        List<List<Object>> rows = new ArrayList<>();
        for (CrossYearFinding cf : panel.findings()) {
            var f = cf.finding();
            List<Object> row = new ArrayList<>(List.of(cf.row().region().code(), cf.row().department(), cf.row().scope()));
            row.add(cf.row().year());
            row.add(cf.kind());
            row.add(cf.key());
            row.add(f.rule());
            row.add(f.severity());
            row.add(f.messageZh());
            row.add(f.messageEn());
            row.add(f.expected());
            row.add(f.actual());
            row.add(f.difference());
            for (FieldValue v : f.values()) {
                Provenance p = v.provenance();
                row.add(KindReport.name(p.file()));
                row.add(p.page());
                row.add(p.text());
            }
            rows.add(row.stream().map(c -> c instanceof String s ? empty(s) : c).toList());
        }
        return Table.of("panel_findings", "跨年核对", columns, rows);
    }

    /** Every figure column, in dictionary order: budget, final accounts, then the two derived changes of an amount. */
    private static List<Figure> figures() {
        List<String> amounts = Panel.amountKeys();
        List<Figure> out = new ArrayList<>();
        for (FieldDictionary.Field f : FieldDictionary.fields()) {
            Type type = switch (f.type()) {
                case "amount", "signed amount", "percent", "signed percent", "number" -> Type.DECIMAL;
                case "integer" -> Type.INTEGER;
                default -> null;
            };
            if (type == null || f.key().startsWith("doc.")) {
                continue;
            }
            String unit = switch (f.type()) {
                case "amount", "signed amount" -> "万元";
                case "percent", "signed percent" -> "%";
                default -> "";
            };
            boolean inBudget = !f.key().endsWith(".actual") && !f.key().contains("completion_rate");
            if (inBudget) {
                out.add(new Figure(f.key(), PanelRow.Kinds.BUDGET, false,
                        new Column(f.key() + BUDGET, f.zh() + "·预算", type, unit)));
            }
            out.add(new Figure(f.key(), PanelRow.Kinds.FINAL, false, new Column(f.key() + FINAL, f.zh() + "·决算", type, unit)));
            if (amounts.contains(f.key())) {
                if (inBudget) {
                    out.add(new Figure(f.key(), PanelRow.Kinds.BUDGET, true, new Column(f.key() + BUDGET + DERIVED,
                            f.zh() + "·预算 较上年增减（计算）", Type.DECIMAL, unit)));
                }
                out.add(new Figure(f.key(), PanelRow.Kinds.FINAL, true, new Column(f.key() + FINAL + DERIVED,
                        f.zh() + "·决算 较上年增减（计算）", Type.DECIMAL, unit)));
            }
        }
        return out;
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
