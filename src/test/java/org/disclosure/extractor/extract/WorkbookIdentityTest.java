package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks as published: a sheet's name is no title, the sheet's own first row is. */
class WorkbookIdentityTest {

    @TempDir
    Path dir;

    /** A reviewer's checklist (as 普陀区 publishes it) on a sheet named after the report it checks. */
    @Test
    void checklistOnASheetNamedAfterTheBudgetIsNotAReport() throws IOException {
        Path file = workbook("2026年部门预算",
                new String[] {"2026年度普陀区部门预算公开情况检查表"},
                new String[] {"部门名称:上海市普陀区司法局", "部门编码:201"},
                new String[] {"2026年度部门预算公开检查内容", "", "", "符合要求", "问题截图"},
                new String[] {"内容规范性", "《部门财务收支预算总表》", "", "是"},
                new String[] {"", "《部门收入预算总表》", "", "是"},
                new String[] {"", "《部门支出预算总表》", "", "是"},
                new String[] {"", "《部门财政拨款收支预算总表》", "", "是"});
        ReportRecord record = extract(file);
        assertThat(record.reason()).startsWith("not-a-report").contains("检查表");
        assertThat(record.fields()).isEmpty();
    }

    /** The same sheet name over a real table keeps the workbook a budget. */
    @Test
    void tablesOnASheetNamedAfterTheBudgetAreABudget() throws IOException {
        Path file = workbook("2026年部门预算",
                new String[] {"财务收支预算总表"},
                new String[] {"部门：上海市普陀区司法局", "", "单位：万元"},
                new String[] {"项目", "预算数", "项目", "预算数"},
                new String[] {"一、财政拨款收入", "1,000.00", "一、一般公共服务支出", "1,000.00"},
                new String[] {"收入总计", "1,000.00", "支出总计", "1,000.00"});
        Path second = dir.resolve("two.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            fill(wb.createSheet("收入预算总表"), new String[] {"部门收入预算总表"},
                    new String[] {"项目", "合计", "财政拨款"}, new String[] {"合计", "1,000.00", "1,000.00"});
            try (OutputStream out = Files.newOutputStream(second)) {
                wb.write(out);
            }
        }
        ReportRecord record = extract(second);
        assertThat(record.reason()).isNull();
        assertThat(record.field("doc.kind")).get().extracting(FieldValue::value).isEqualTo("budget");
        assertThat(record.field("doc.fiscal_year")).get().extracting(f -> f.value().toString()).isEqualTo("2026");
    }

    private ReportRecord extract(Path file) {
        Pipeline.Outcome outcome = new Pipeline().process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }

    private Path workbook(String sheetName, String[]... rows) throws IOException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(wb.createSheet(sheetName), rows);
            wb.write(out);
        }
        return file;
    }

    private static void fill(Sheet sheet, String[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }
}
