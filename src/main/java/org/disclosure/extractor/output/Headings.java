package org.disclosure.extractor.output;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The header rows of a sheet: the Chinese name with its unit (公务接待费（万元）) and below it the key
 * (three_public.reception); with Chinese headers only, the key is the header cell's comment.
 */
final class Headings {

    private Headings() {
    }

    static void write(Sheet sheet, List<Column> columns, Headers headers, SheetStyles styles) {
        Row first = sheet.createRow(0);
        Row keys = headers == Headers.BOTH ? sheet.createRow(1) : null;
        Drawing<?> drawing = headers == Headers.ZH ? sheet.createDrawingPatriarch() : null;
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell cell = first.createCell(c);
            cell.setCellValue(headers == Headers.KEY ? column.key() : column.zhWithUnit());
            cell.setCellStyle(styles.heading());
            if (keys != null) {
                Cell key = keys.createCell(c);
                key.setCellValue(column.key());
                key.setCellStyle(styles.key());
            }
            if (drawing != null) {
                ClientAnchor anchor = helper.createClientAnchor();
                anchor.setCol1(c);
                anchor.setCol2(c + 3);
                anchor.setRow1(0);
                anchor.setRow2(2);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(helper.createRichTextString(column.key()));
                cell.setCellComment(comment);
            }
        }
    }
}
