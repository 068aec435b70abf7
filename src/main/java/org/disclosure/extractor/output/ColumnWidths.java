package org.disclosure.extractor.output;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A sheet's column widths, judged from the headers and the first rows (not from every row, which a long sheet
 * cannot afford): wide enough for the header and the typical cell, within bounds, counting a Chinese character as
 * two.
 */
final class ColumnWidths {

    private static final int MIN = 6;
    private static final int MAX = 60;
    /** Headers wrap: a long Chinese header need not set the width alone. */
    private static final int HEADER_MAX = 24;

    private final int[] widths;

    ColumnWidths(List<Column> columns) {
        widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            Column column = columns.get(c);
            widths[c] = Math.max(Math.min(HEADER_MAX, width(column.zhWithUnit())), Math.min(HEADER_MAX, column.key().length()));
        }
    }

    /** Widens the columns to a row's cells. */
    void sample(List<Object> row) {
        for (int c = 0; c < widths.length && c < row.size(); c++) {
            Object v = row.get(c);
            if (v != null) {
                String text = v instanceof BigDecimal d ? String.format("%,.2f", d) : v.toString();
                widths[c] = Math.max(widths[c], width(text) + 1);
            }
        }
    }

    void apply(Sheet sheet) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.max(MIN, Math.min(MAX, widths[c])) * 256);
        }
    }

    /** Display width in characters: a CJK (full-width) character counts as two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x1100 && (cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                    || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                    || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
