package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The workbook of a real run (extract ../shared/corpus), opened as a spreadsheet program opens it: every figure of
 * records.jsonl is a number in its cell, every 科目 code is text, every sheet's header rows are frozen.
 */
class WorkbookCorpusTest {

    /** The records of the run, by file. */
    static Map<String, JsonNode> records(Path run) throws Exception {
        Map<String, JsonNode> byFile = new HashMap<>();
        RunLines.forEach(run.resolve("records.jsonl"), (json, offset, length) -> byFile.put(json.at("/source/file").asText(), json));
        return byFile;
    }

    /** The column index of each key in a sheet's key row (the second header row). */
    static Map<String, Integer> keys(XSSFSheet sheet) {
        Map<String, Integer> keys = new HashMap<>();
        sheet.getRow(1).forEach(c -> keys.put(c.getStringCellValue(), c.getColumnIndex()));
        return keys;
    }

    @Test
    void everyFigureIsANumberEveryCodeTextAndTheHeadersFrozen() throws Exception {
        Path run = CorpusRun.folder();
        Map<String, JsonNode> records = records(run);
        assertThat(records).hasSizeGreaterThanOrEqualTo(25);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run.resolve(Workbook.FILE)))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 2);
                assertThat(sheet.getCTWorksheet().getAutoFilter()).as(sheet.getSheetName()).isNotNull();
            }
            XSSFSheet sheet = wb.getSheet("报告");
            Map<String, Integer> keys = keys(sheet);
            int numbers = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                XSSFRow row = sheet.getRow(r);
                JsonNode record = records.get(row.getCell(keys.get("file")).getStringCellValue());
                for (Column c : RecordRows.recordColumns()) {
                    if (c.type() != Column.Type.DECIMAL && c.type() != Column.Type.INTEGER) {
                        continue;
                    }
                    JsonNode value = c.key().equals("pages") ? record.at("/source/pages") : RecordRows.field(record, c.key()).path("value");
                    XSSFCell cell = row.getCell(keys.get(c.key()));
                    if (value.isNumber()) {
                        assertThat(cell.getCellType()).as(c.key()).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(c.key()).isEqualByComparingTo(value.decimalValue());
                        numbers++;
                    } else {
                        assertThat(cell).as(c.key()).isNull();
                    }
                }
            }
            assertThat(numbers).isGreaterThan(300);

            XSSFSheet items = wb.getSheet("表格明细");
            Map<String, Integer> itemKeys = keys(items);
            List<String> codes = new ArrayList<>();
            for (int r = 2; r <= items.getLastRowNum(); r++) {
                XSSFCell code = items.getRow(r).getCell(itemKeys.get("row_code"));
                if (code != null) {
                    assertThat(code.getCellType()).isEqualTo(CellType.STRING);
                    codes.add(code.getStringCellValue());
                }
                assertThat(items.getRow(r).getCell(itemKeys.get("amount")).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            List<String> expected = new ArrayList<>();
            records.values().forEach(rec -> rec.path("tables").forEach(i -> {
                if (!i.path("row_code").asText().isEmpty()) {
                    expected.add(i.path("row_code").asText());
                }
            }));
            assertThat(codes).containsExactlyInAnyOrderElementsOf(expected).contains("201", "2080501");
        }
    }
}
