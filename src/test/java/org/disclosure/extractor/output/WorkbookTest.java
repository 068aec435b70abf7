package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** records.xlsx: a sheet per table, numbers as numbers shown whole, codes as text, headers frozen, filters on. */
class WorkbookTest {

    @TempDir
    Path dir;

    private static final List<Column> COLUMNS = List.of(
            new Column("file", "文件", Column.Type.TEXT, ""),
            new Column("three_public.reception", "公务接待费", Column.Type.DECIMAL, "万元"),
            new Column("three_public.change_pct", "“三公”经费较上年增减率", Column.Type.DECIMAL, "%"),
            new Column("row_code", "科目编码", Column.Type.CODE, ""),
            new Column("doc.fiscal_year", "年度", Column.Type.INTEGER, ""));

    private Table records(int rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(Arrays.asList(dir.resolve("in/甲 局.pdf").toString(), new BigDecimal("9628.221344"), new BigDecimal("-12.5"), "01", 2021L));
        for (int i = 1; i < rows; i++) {
            all.add(Arrays.asList("/elsewhere/" + i + ".pdf", new BigDecimal("10.00"), null, "2010101", null));
        }
        return Table.of("records", "报告", COLUMNS, all);
    }

    private XSSFWorkbook open() throws Exception {
        return new XSSFWorkbook(Files.newInputStream(dir.resolve("records.xlsx")));
    }

    @Test
    void numbersAreNumbersShownWholeCodesAreTextAndTheHeaderRowsFrozenWithFilters() throws Exception {
        new Workbook(Headers.BOTH).write(List.of(records(3), Table.of("errors", "无法读取的文件", COLUMNS.subList(0, 1), List.of())), dir);
        try (XSSFWorkbook wb = open()) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet sheet = wb.getSheet("报告");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("公务接待费（万元）");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("three_public.reception");
            XSSFCell amount = sheet.getRow(2).getCell(1);
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(9628.221344);
            DataFormatter shown = new DataFormatter();
            assertThat(shown.formatCellValue(amount)).isEqualTo("9,628.221344");
            assertThat(shown.formatCellValue(sheet.getRow(3).getCell(1))).isEqualTo("10.00");
            assertThat(shown.formatCellValue(sheet.getRow(2).getCell(2))).isEqualTo("-12.50");
            assertThat(shown.formatCellValue(sheet.getRow(2).getCell(4))).isEqualTo("2021");
            XSSFCell code = sheet.getRow(2).getCell(3);
            assertThat(code.getCellType()).isEqualTo(CellType.STRING);
            assertThat(code.getStringCellValue()).isEqualTo("01");
            assertThat(code.getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getRow(3).getCell(2)).as("no value, no cell").isNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:E5");
            assertThat(sheet.getColumnWidth(1)).isBetween(10 * 256, 30 * 256);
            XSSFCell file = sheet.getRow(2).getCell(0);
            assertThat(file.getHyperlink().getType()).isEqualTo(HyperlinkType.FILE);
            assertThat(file.getHyperlink().getAddress()).as("relative to the workbook").isEqualTo("in/甲%20局.pdf");
            assertThat(sheet.getRow(3).getCell(0).getHyperlink().getAddress()).startsWith("../").endsWith("elsewhere/1.pdf");
            assertThat(wb.getSheet("无法读取的文件").getLastRowNum()).isEqualTo(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("records.xlsx");
        }
    }

    @Test
    void aTableLongerThanASheetGoesOnInTheNextSheet() throws Exception {
        new Workbook(Headers.BOTH, 10).write(List.of(records(20)), dir);
        try (XSSFWorkbook wb = open()) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(1)).isEqualTo("报告 (2)");
            int rows = 0;
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("file");
                rows += sheet.getLastRowNum() + 1 - 2;
            }
            assertThat(rows).isEqualTo(20);
        }
    }

    @Test
    void withChineseHeadersOnlyTheKeyIsTheHeadersComment() throws Exception {
        new Workbook(Headers.ZH).write(List.of(records(2)), dir);
        try (XSSFWorkbook wb = open()) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("公务接待费（万元）");
            assertThat(sheet.getRow(0).getCell(1).getCellComment().getString().getString()).isEqualTo("three_public.reception");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }
}
