package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosure.extractor.output.RunLinesFixture.figure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder's records.jsonl and errors.jsonl read into the tables every format writes. */
class RunTablesTest {

    @TempDir
    Path dir;

    private Map<String, Table> tables() throws Exception {
        return RunTables.of(dir).stream().collect(Collectors.toMap(Table::name, Function.identity()));
    }

    private static List<List<Object>> rows(Table t) throws Exception {
        try (Stream<List<Object>> s = t.rows().open()) {
            return s.toList();
        }
    }

    private static Object cell(Table t, List<Object> row, String key) {
        return row.get(t.columnIndex(key));
    }

    private static String region(String province, String city) {
        return "\"region\":{\"province\":{\"value\":\"" + province + "\",\"provenance\":{\"text\":\"x\",\"rule\":\"r\"}}"
                + (city == null ? "" : ",\"city\":{\"value\":\"" + city + "\",\"provenance\":{\"text\":\"x\",\"rule\":\"r\"}}") + "}";
    }

    @Test
    void recordsAreSortedByRegionThenDepartmentYearKindAndFileWithNamelessRecordsLast() throws Exception {
        new RunLinesFixture()
                .line("{\"source\":{\"file\":\"/in/checklist.xlsx\",\"sha256\":\"cd\",\"format\":\"xlsx\",\"pages\":1},"
                        + "\"reason\":\"not-a-report: a checklist\",\"findings\":[],\"tables\":[]}")
                .report("/in/b.pdf", "江苏省高级人民法院", 2019, "final_accounts", "2019年度部门决算", "")
                .report("/in/a.pdf", "江苏省高级人民法院", 2018, "final_accounts", "2018年度部门决算", "")
                .report("/in/c.pdf", "北京市司法局", 2026, "budget", "2026年度部门预算", "")
                .report("/in/d.pdf", "国家信访局", 2020, "budget", "2020年部门预算", "")
                .write(dir);
        // region keys are read from the record itself (the region of a department, where the record has one)
        String lines = Files.readString(dir.resolve("records.jsonl"))
                .replace("\"department\":{\"value\":\"江苏省高级人民法院\"", region("江苏省", null) + ",\"department\":{\"value\":\"江苏省高级人民法院\"")
                .replace("\"department\":{\"value\":\"北京市司法局\"", region("北京市", null) + ",\"department\":{\"value\":\"北京市司法局\"");
        Files.writeString(dir.resolve("records.jsonl"), lines);
        Table records = tables().get("records");
        List<String> files = rows(records).stream().map(r -> (String) cell(records, r, "file")).toList();
        // central (no region) first, then 北京 before 江苏 (拼音 order), years ascending, the checklist last
        assertThat(files).containsExactly("/in/d.pdf", "/in/c.pdf", "/in/a.pdf", "/in/b.pdf", "/in/checklist.xlsx");
    }

    @Test
    void kindIsInWordsBesideTheDepartmentSaying部门Or单位OnlyWhereTheReportDoes() throws Exception {
        new RunLinesFixture()
                .report("/in/1.pdf", "甲局", 2021, "final_accounts", "纳入2021年度部门决算编制范围的二级预算单位", "")
                .report("/in/2.pdf", "乙局", 2021, "budget", "乙局2021年单位预算", "")
                .report("/in/3.pdf", "丙局", 2021, "final_accounts", "公开01表", "")
                .report("/in/4.pdf", "丁局", 2021, "performance_evaluation", "2021年度部门（单位）整体支出绩效自评报告", "")
                .report("/in/5.pdf", "戊局", 2021, "final_accounts", "2021年度部门（单位）决算", "")
                .write(dir);
        Table records = tables().get("records");
        Map<String, Object> kinds = rows(records).stream().collect(Collectors.toMap(
                r -> (String) cell(records, r, "doc.department"), r -> cell(records, r, "kind_zh")));
        assertThat(kinds).containsEntry("甲局", "部门决算").containsEntry("乙局", "单位预算").containsEntry("丙局", "决算")
                .containsEntry("丁局", "绩效自评").containsEntry("戊局", "部门决算");
        List<String> keys = records.columns().stream().map(Column::key).toList();
        assertThat(keys.indexOf("kind_zh")).isEqualTo(keys.indexOf("doc.department") + 1);
        assertThat(records.columns().get(keys.indexOf("kind_zh")).zh()).isEqualTo("报告类型");
    }

    @Test
    void theSameReportInSeveralFilesIsMarkedWithWhetherItsFiguresAgree() throws Exception {
        new RunLinesFixture()
                .report("/in/x.pdf", "甲局", 2022, "final_accounts", "2022年度部门决算",
                        figure("totals", "grand_total", "9628.221344", "收入总计 9628.221344"))
                .report("/in/x.docx", "甲局", 2022, "final_accounts", "2022年度部门决算",
                        figure("totals", "grand_total", "9628.22", "收入总计9628.22万元"))
                .report("/in/y.doc", "甲局", 2022, "final_accounts", "2022年度部门决算",
                        figure("totals", "grand_total", "9700.5", "收入总计9700.5万元"))
                .report("/in/z.pdf", "甲局", 2022, "budget", "2022年度部门预算",
                        figure("totals", "grand_total", "1", "收入总计1万元"))
                .report("/in/u.pdf", "甲局", 2022, "final_accounts", "2022年度单位决算",
                        figure("totals", "grand_total", "800", "收入总计800万元"))
                .write(dir);
        Table records = tables().get("records");
        Map<String, String> marks = rows(records).stream().collect(Collectors.toMap(
                r -> (String) cell(records, r, "file"), r -> String.valueOf(cell(records, r, "duplicate"))));
        assertThat(marks.get("/in/x.pdf")).contains("same figures as x.docx").contains("figures differ from y.doc");
        assertThat(marks.get("/in/x.docx")).contains("same figures as x.pdf");
        assertThat(marks.get("/in/y.doc")).contains("figures differ from x.pdf (收入支出总计 9700.5 ≠ 9628.221344)");
        assertThat(marks.get("/in/z.pdf")).isEqualTo("null"); // the budget is another report
        assertThat(marks.get("/in/u.pdf")).as("the unit's own final accounts are another report").isEqualTo("null");
        assertThat(marks.get("/in/x.pdf")).doesNotContain("u.pdf");
        assertThat(records.columns().get(records.columnIndex("duplicate")).zh()).isEqualTo("重复");
    }

    @Test
    void amountsKeepTheScaleTheRecordWritesAndCodesStayText() throws Exception {
        new RunLinesFixture()
                .report("/in/x.pdf", "甲局", 2022, "final_accounts", "2022年度部门决算",
                        figure("three_public", "reception", "10.00", "公务接待费10.00万元"))
                .write(dir);
        String big = "{\"table\":\"expenditure\",\"title\":\"支出决算表\",\"page\":7,\"row_code\":\"01\",\"row_name\":\"一般公共服务支出\","
                + "\"column\":\"合计\",\"amount\":123456789012.000001,\"rule\":\"table:expenditure\"}";
        Files.writeString(dir.resolve("records.jsonl"),
                Files.readString(dir.resolve("records.jsonl")).replace("\"tables\":[]", "\"tables\":[" + big + "]"));
        Map<String, Table> t = tables();
        Table records = t.get("records");
        BigDecimal reception = (BigDecimal) cell(records, rows(records).get(0), "three_public.reception");
        assertThat(reception.toPlainString()).isEqualTo("10.00");
        assertThat(records.columns().get(records.columnIndex("three_public.reception")).zhWithUnit()).isEqualTo("公务接待费（万元）");
        Table items = t.get("items");
        List<Object> item = rows(items).get(0);
        assertThat(cell(items, item, "row_code")).isEqualTo("01");
        assertThat(items.columns().get(items.columnIndex("row_code")).type()).isEqualTo(Column.Type.CODE);
        assertThat(((BigDecimal) cell(items, item, "amount")).toPlainString()).isEqualTo("123456789012.000001");
        assertThat(cell(items, item, "department")).isEqualTo("甲局");
        assertThat(cell(items, item, "kind")).isEqualTo("部门决算");
        Table values = t.get("values");
        List<Object> reception2 = rows(values).stream().filter(r -> "three_public.reception".equals(cell(values, r, "key"))).findFirst().orElseThrow();
        assertThat(cell(values, reception2, "value")).isEqualTo("10.00");
        assertThat(cell(values, reception2, "label_zh")).isEqualTo("公务接待费");
        assertThat(cell(values, reception2, "text")).isEqualTo("公务接待费10.00万元");
        assertThat(cell(values, reception2, "page")).isEqualTo(5L);
        assertThat(cell(values, reception2, "span_start")).isEqualTo(2L);
    }

    @Test
    void rowsOfItemsFollowTheRecordsOrderAndATornLastLineIsLeftOut() throws Exception {
        String item = "\"tables\":[{\"table\":\"t\",\"title\":\"T\",\"row_code\":\"2010101\",\"row_name\":\"行政运行\",\"column\":\"c\",\"amount\":1.5,\"rule\":\"r\"}]";
        new RunLinesFixture()
                .report("/in/b.pdf", "乙局", 2020, "budget", "部门预算", "")
                .report("/in/a.pdf", "甲局", 2020, "budget", "部门预算", "")
                .write(dir);
        Files.writeString(dir.resolve("records.jsonl"),
                Files.readString(dir.resolve("records.jsonl")).replace("\"tables\":[]", item) + "{\"source\":{\"file\":\"/in/torn",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("errors.jsonl"), "{\"file\":\"/in/z.md\",\"sha256\":\"e8\",\"reason\":\"unsupported-format\",\"message\":\"m\"}\n"
                + "{\"file\":\"/in/a.exe\",\"reason\":\"unsupported-format\",\"message\":\"m\"}\n");
        Map<String, Table> t = tables();
        Table items = t.get("items");
        assertThat(rows(items)).extracting(r -> cell(items, r, "department")).containsExactly("甲局", "乙局"); // 拼音: jia before yi
        Table errors = t.get("errors");
        assertThat(rows(errors)).extracting(r -> r.get(0)).containsExactly("/in/a.exe", "/in/z.md");
        assertThat(rows(t.get("records"))).hasSize(2);
    }

    @Test
    void aFigureReadByOcrIsMarkedWithItsConfidenceInValuesAndItemsAndItsRecordCountsTheOcrPages() throws Exception {
        Files.writeString(dir.resolve("records.jsonl"),
                JsonRecords.toJson(JsonRecordsTest.scanned(87.46f)) + "\n" + JsonRecords.toJson(JsonRecordsTest.scanned(null))
                        .toString().replace("scan.pdf", "text.pdf") + "\n", StandardCharsets.UTF_8);
        Map<String, Table> t = tables();
        Table values = t.get("values");
        List<List<Object>> v = rows(values);
        assertThat(v).extracting(r -> cell(values, r, "file"), r -> cell(values, r, "ocr"), r -> cell(values, r, "ocr_confidence"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("scan.pdf", true, new BigDecimal("87.5")),
                        org.assertj.core.groups.Tuple.tuple("text.pdf", false, null));
        assertThat(values.columns().get(values.columnIndex("ocr")).zh()).isEqualTo("由OCR识别");
        assertThat(values.columns().get(values.columnIndex("ocr_confidence")).zh()).isEqualTo("OCR置信度");
        Table items = t.get("items");
        assertThat(rows(items)).extracting(r -> cell(items, r, "ocr")).containsExactlyInAnyOrder(true, false);
        Table records = t.get("records");
        assertThat(rows(records)).extracting(r -> cell(records, r, "file"), r -> cell(records, r, "ocr_pages"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("scan.pdf", 2L),
                        org.assertj.core.groups.Tuple.tuple("text.pdf", null));
        assertThat(records.columns().get(records.columnIndex("ocr_pages")).zh()).isEqualTo("OCR识别页数");
    }
}
