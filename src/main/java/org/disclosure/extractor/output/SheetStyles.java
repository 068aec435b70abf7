package org.disclosure.extractor.output;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of the workbook, made once (a workbook holds at most 64,000): how each column's numbers are shown
 * — amounts in 万元 with two to six decimals and thousands separators, so 9628.221344 shows whole and 10.5 as 10.50;
 * percentages with two to four; years and counts as plain integers — codes as text, and the header rows.
 */
final class SheetStyles {

    /** 万元: two decimals always, up to six where the report wrote them (amounts in 元 converted). */
    static final String AMOUNT = "#,##0.00####";
    static final String PERCENT = "0.00##";
    static final String INTEGER = "0";
    static final String DECIMAL = "0.##########";

    private final Workbook wb;
    private final Map<String, CellStyle> byFormat = new HashMap<>();
    private final CellStyle heading;
    private final CellStyle key;
    private final CellStyle link;

    SheetStyles(Workbook wb) {
        this.wb = wb;
        Font bold = wb.createFont();
        bold.setBold(true);
        heading = wb.createCellStyle();
        heading.setFont(bold);
        heading.setWrapText(true);
        heading.setVerticalAlignment(VerticalAlignment.TOP);
        heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        grey.setItalic(true);
        key = wb.createCellStyle();
        key.setFont(grey);
        key.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        key.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        link = wb.createCellStyle();
        link.setFont(blue);
    }

    /** The style of a column's cells. */
    CellStyle of(Column c) {
        return format(switch (c.type()) {
            case DECIMAL -> c.unit().equals("万元") ? AMOUNT : c.unit().equals("%") ? PERCENT : DECIMAL;
            case INTEGER -> INTEGER;
            case CODE -> "@";
            case TEXT, BOOLEAN -> "General";
        });
    }

    private CellStyle format(String format) {
        return byFormat.computeIfAbsent(format, f -> {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(f));
            return s;
        });
    }

    CellStyle heading() {
        return heading;
    }

    CellStyle key() {
        return key;
    }

    CellStyle link() {
        return link;
    }
}
