package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.extract.FieldDictionary;

/**
 * The rows one record of records.jsonl gives each table: its row of {@code records}, and its rows of {@code items},
 * {@code values} and {@code findings}; with the columns of those tables. Cells hold the Java types of
 * {@link Column.Type}; amounts keep the scale records.jsonl writes them with.
 */
final class RecordRows {

    static final String KIND_IN_WORDS = "kind_zh";
    static final String DUPLICATE = "duplicate";
    /** The records column counting the pages OCR read (empty for a file none of whose pages needed it). */
    static final String OCR_PAGES = "ocr_pages";

    /** The columns every row of items, values and findings starts with: whose report it comes from. */
    private static final List<Column> WHOSE = List.of(
            new Column("file", "文件", Column.Type.TEXT, ""),
            new Column("department", "部门（单位）名称", Column.Type.TEXT, ""),
            new Column("year", "年度", Column.Type.INTEGER, ""),
            new Column("kind", "报告类型", Column.Type.TEXT, ""));

    static final List<Column> ITEMS = columns(WHOSE,
            new Column("table", "表格代码", Column.Type.TEXT, ""),
            new Column("title", "表格标题", Column.Type.TEXT, ""),
            new Column("row_code", "科目编码", Column.Type.CODE, ""),
            new Column("row_name", "科目名称", Column.Type.TEXT, ""),
            new Column("column", "栏目", Column.Type.TEXT, ""),
            new Column("amount", "金额", Column.Type.DECIMAL, "万元"),
            new Column("page", "页码", Column.Type.INTEGER, ""),
            new Column("rule", "规则", Column.Type.TEXT, ""),
            new Column("ocr", "由OCR识别", Column.Type.BOOLEAN, ""),
            new Column("ocr_confidence", "OCR置信度", Column.Type.DECIMAL, ""));

    static final List<Column> VALUES = columns(WHOSE,
            new Column("key", "字段", Column.Type.TEXT, ""),
            new Column("label_zh", "字段名称", Column.Type.TEXT, ""),
            new Column("value", "值", Column.Type.TEXT, ""),
            new Column("number", "数值", Column.Type.DECIMAL, ""),
            new Column("unit", "单位", Column.Type.TEXT, ""),
            new Column("page", "页码", Column.Type.INTEGER, ""),
            new Column("section", "章节", Column.Type.TEXT, ""),
            new Column("text", "原文", Column.Type.TEXT, ""),
            new Column("span_start", "原文起点", Column.Type.INTEGER, ""),
            new Column("span_end", "原文终点", Column.Type.INTEGER, ""),
            new Column("rule", "规则", Column.Type.TEXT, ""),
            new Column("ocr", "由OCR识别", Column.Type.BOOLEAN, ""),
            new Column("ocr_confidence", "OCR置信度", Column.Type.DECIMAL, ""));

    static final List<Column> FINDINGS = columns(WHOSE,
            new Column("rule", "检查规则", Column.Type.TEXT, ""),
            new Column("severity", "严重程度", Column.Type.TEXT, ""),
            new Column("message_zh", "说明", Column.Type.TEXT, ""),
            new Column("message_en", "说明（英文）", Column.Type.TEXT, ""),
            new Column("expected", "应为", Column.Type.DECIMAL, ""),
            new Column("actual", "实为", Column.Type.DECIMAL, ""),
            new Column("difference", "差额", Column.Type.DECIMAL, ""),
            new Column("values", "涉及数值及原文", Column.Type.TEXT, ""));

    private RecordRows() {
    }

    private static List<Column> columns(List<Column> first, Column... rest) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(rest));
        return List.copyOf(all);
    }

    /** Who a record is: the cells every row of its items, values and findings starts with. */
    record Whose(String file, String department, Long year, String kind) {

        static Whose of(JsonNode record) {
            JsonNode doc = record.path("doc");
            return new Whose(record.path("source").path("file").asText(""),
                    text(doc.path("department").path("value")), integer(doc.path("fiscal_year").path("value")),
                    ReportKinds.inWords(doc.path("kind")));
        }

        List<Object> row(Object... rest) {
            List<Object> row = new ArrayList<>(Arrays.asList(file, department, year, kind));
            row.addAll(Arrays.asList(rest));
            return row;
        }
    }

    /** The columns of {@code records}: the source, then one per key of the field dictionary, kind and duplicates. */
    static List<Column> recordColumns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("file", "文件", Column.Type.TEXT, ""),
                new Column("sha256", "文件哈希（SHA-256）", Column.Type.TEXT, ""),
                new Column("format", "文件格式", Column.Type.TEXT, ""),
                new Column("pages", "页数", Column.Type.INTEGER, ""),
                new Column("reason", "无数据原因", Column.Type.TEXT, ""),
                new Column("damage", "文件损坏", Column.Type.TEXT, ""),
                new Column(OCR_PAGES, "OCR识别页数", Column.Type.INTEGER, "")));
        List<FieldDictionary.Field> fields = FieldDictionary.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDictionary.Field f = fields.get(i);
            columns.add(f.key().equals("doc.kind")
                    ? new Column(f.key(), f.zh() + "代码", Column.Type.TEXT, "") // the words are in kind_zh
                    : column(f));
            if (f.key().equals("doc.department")) {
                columns.add(new Column(KIND_IN_WORDS, "报告类型", Column.Type.TEXT, ""));
            }
            boolean lastOfDoc = f.key().startsWith("doc.")
                    && (i + 1 == fields.size() || !fields.get(i + 1).key().startsWith("doc."));
            if (lastOfDoc) {
                columns.add(new Column(DUPLICATE, "重复", Column.Type.TEXT, ""));
            }
        }
        return List.copyOf(columns);
    }

    /** A key's column: amounts in 万元 and percentages as decimals, counts as integers, codes as text. */
    static Column column(FieldDictionary.Field f) {
        String unit = DataDictionary.unit(f.type());
        Column.Type type = switch (f.type()) {
            case "amount", "signed amount", "percent", "signed percent", "number" -> Column.Type.DECIMAL;
            case "integer" -> Column.Type.INTEGER;
            case "code" -> Column.Type.CODE;
            default -> f.key().endsWith(".code") ? Column.Type.CODE : Column.Type.TEXT;
        };
        return new Column(f.key(), f.zh(), type, unit);
    }

    /** A record's row of {@code records}, without its duplicate cell (filled in once all records are read). */
    static List<Object> recordRow(JsonNode record, List<Column> columns) {
        JsonNode source = record.path("source");
        List<Object> row = new ArrayList<>(columns.size());
        for (Column c : columns) {
            row.add(switch (c.key()) {
                case "file", "sha256", "format", "damage" -> cell(source.path(c.key()), c.type());
                case "pages" -> cell(source.path("pages"), c.type());
                case "reason" -> cell(record.path("reason"), c.type());
                case OCR_PAGES -> source.has("ocr") ? (Object) (long) source.path("ocr").path("pages").size() : null;
                case KIND_IN_WORDS -> ReportKinds.inWords(record.path("doc").path("kind"));
                case DUPLICATE -> null;
                default -> c.type() == Column.Type.DECIMAL
                        ? AsWritten.of(decimal(field(record, c.key()).path("value")), field(record, c.key()).path("provenance"))
                        : cell(field(record, c.key()).path("value"), c.type());
            });
        }
        return row;
    }

    /** The node of a dotted key in a record (doc.region.province → doc → region → province), or a missing node. */
    static JsonNode field(JsonNode record, String key) {
        return JsonRecords.field(record, key);
    }

    static List<List<Object>> items(JsonNode record, Whose whose) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode i : record.path("tables")) {
            rows.add(whose.row(text(i.path("table")), text(i.path("title")), text(i.path("row_code")),
                    text(i.path("row_name")), text(i.path("column")), decimal(i.path("amount")),
                    integer(i.path("page")), text(i.path("rule")), ocr(i), decimal(i.path("confidence"))));
        }
        return rows;
    }

    /** One row per value of the record, in the record's order, with the sentence it was read from. */
    static List<List<Object>> values(JsonNode record, Whose whose) {
        List<List<Object>> rows = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> top = record.fields();
        while (top.hasNext()) {
            Map.Entry<String, JsonNode> e = top.next();
            if (!List.of("source", "reason", "findings", "tables").contains(e.getKey())) {
                values(e.getKey(), e.getValue(), whose, rows);
            }
        }
        return rows;
    }

    private static void values(String key, JsonNode node, Whose whose, List<List<Object>> rows) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("provenance")) {
            JsonNode p = node.path("provenance");
            JsonNode span = p.path("span");
            BigDecimal number = AsWritten.of(decimal(node.path("value")), p);
            rows.add(whose.row(key, FieldDictionary.field(key).map(FieldDictionary.Field::zh).orElse(null),
                    number == null ? text(node.path("value")) : number.toPlainString(), number, text(node.path("unit")),
                    integer(p.path("page")), text(p.path("section")), text(p.path("text")),
                    span.size() == 2 ? integer(span.get(0)) : null, span.size() == 2 ? integer(span.get(1)) : null,
                    text(p.path("rule")), ocr(p), decimal(p.path("confidence"))));
            return;
        }
        node.fields().forEachRemaining(e -> values(key + "." + e.getKey(), e.getValue(), whose, rows));
    }

    /** Whether a value was read by OCR (its provenance says {@code "ocr": true}) or from the text the file holds. */
    private static Boolean ocr(JsonNode provenance) {
        return provenance.path("ocr").asBoolean(false);
    }

    static List<List<Object>> findings(JsonNode record, Whose whose) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode f : record.path("findings")) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : f.path("values")) {
                JsonNode p = v.path("provenance");
                values.add(v.path("key").asText() + "=" + text(v.path("value")) + " «" + p.path("text").asText() + "»"
                        + (p.path("page").isNumber() ? " p" + p.path("page").asInt() : ""));
            }
            rows.add(whose.row(text(f.path("rule")), text(f.path("severity")), text(f.path("message_zh")),
                    text(f.path("message_en")), decimal(f.path("expected")), decimal(f.path("actual")),
                    decimal(f.path("difference")), String.join(" | ", values)));
        }
        return rows;
    }

    /** A cell of the column's type from a JSON value; null where the value is missing or is not of that type. */
    static Object cell(JsonNode n, Column.Type type) {
        return switch (type) {
            case DECIMAL -> decimal(n);
            case INTEGER -> integer(n);
            case BOOLEAN -> n.isBoolean() ? n.booleanValue() : null;
            case TEXT, CODE -> text(n);
        };
    }

    /** A value as text, null where empty; numbers as written (plain digits, their own scale). */
    static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String text = n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
        return text.isEmpty() ? null : text;
    }

    static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return n.isTextual() ? new BigDecimal(n.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long integer(JsonNode n) {
        if (n == null || !n.isIntegralNumber() && !n.isTextual()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(n.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
