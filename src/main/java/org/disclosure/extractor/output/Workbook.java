package org.disclosure.extractor.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * records.xlsx: one sheet per table for people who open Excel or LibreOffice — Chinese header row (and the keys below
 * it, as {@link Headers} says), header rows frozen, filters on, numbers as numbers in 万元 or % with every decimal the
 * report wrote shown, codes as text (01 stays 01), the source file linked. Written with POI's streaming workbook, so
 * that only a window of rows is in memory; a table longer than a sheet's 1,048,576 rows goes on in “表格明细 (2)”.
 */
public final class Workbook implements TableWriter {

    public static final String FILE = "records.xlsx";

    /** Rows kept in memory per sheet while writing. */
    private static final int WINDOW = 100;
    /** Rows read to judge a column's width. */
    private static final int SAMPLE = 200;
    /** The most characters Excel holds in a cell. */
    private static final int CELL_MAX = 32_767;
    /** Tables whose file cells are linked: one link per row is held until the end, so not the long tables. */
    private static final List<String> LINKED = List.of("records", "findings", "errors");

    private final Headers headers;
    private final int rowsPerSheet;

    public Workbook(Headers headers) {
        this(headers, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** A workbook whose sheets hold at most {@code rowsPerSheet} rows, header rows included. */
    Workbook(Headers headers, int rowsPerSheet) {
        this.headers = headers;
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    /** Writes a small workbook to nowhere: the streaming writer's classes take a second or two to load. */
    @Override
    public void prepare() {
        Table sample = Table.of("records", "报告", List.of(new Column("file", "文件", Column.Type.TEXT, ""),
                new Column("amount", "金额", Column.Type.DECIMAL, "万元")), List.of(List.of("a.pdf", BigDecimal.ONE)));
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            write(wb, new SheetStyles(wb), sample, Path.of("."));
            wb.write(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // only a rehearsal
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // only a rehearsal
            }
        }
    }

    @Override
    public void write(List<Table> tables, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            SheetStyles styles = new SheetStyles(wb);
            for (Table t : tables) {
                write(wb, styles, t, dir);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            wb.dispose();
            wb.close();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void write(SXSSFWorkbook wb, SheetStyles styles, Table table, Path dir) throws IOException {
        int headerRows = headers == Headers.BOTH ? 2 : 1;
        List<Column> columns = table.columns();
        CellStyle[] cellStyles = columns.stream().map(styles::of).toArray(CellStyle[]::new);
        int fileColumn = LINKED.contains(table.name()) ? table.columnIndex("file") : -1;
        try (Stream<List<Object>> rows = table.rows().open()) {
            Iterator<List<Object>> it = rows.iterator();
            int part = 1;
            do {
                String name = WorkbookUtil.createSafeSheetName(part == 1 ? table.zh() : table.zh() + " (" + part + ")");
                SXSSFSheet sheet = wb.createSheet(name);
                ColumnWidths widths = new ColumnWidths(columns);
                Headings.write(sheet, columns, headers, styles);
                int r = headerRows;
                for (; r < rowsPerSheet && it.hasNext(); r++) {
                    List<Object> values = it.next();
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < columns.size(); c++) {
                        Object v = values.get(c);
                        if (v != null) {
                            Cell cell = row.createCell(c);
                            cell.setCellStyle(cellStyles[c]);
                            put(cell, v);
                            if (c == fileColumn) {
                                link(wb, cell, (String) v, dir, styles);
                            }
                        }
                    }
                    if (r < headerRows + SAMPLE) {
                        widths.sample(values);
                    }
                }
                widths.apply(sheet);
                sheet.createFreezePane(0, headerRows);
                sheet.setAutoFilter(new CellRangeAddress(headerRows - 1, Math.max(headerRows - 1, r - 1), 0, columns.size() - 1));
                part++;
            } while (it.hasNext());
        }
    }

    private static void put(Cell cell, Object v) {
        if (v instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            String s = v.toString();
            cell.setCellValue(s.length() > CELL_MAX ? s.substring(0, CELL_MAX - 1) + "…" : s);
        }
    }

    /** Links a file cell to the file: a path relative to the workbook where there is one, else its file: URI. */
    private static void link(SXSSFWorkbook wb, Cell cell, String file, Path dir, SheetStyles styles) {
        try {
            Path source = Path.of(file).toAbsolutePath().normalize();
            Path from = dir.toAbsolutePath().normalize();
            String address;
            if (source.getRoot() != null && source.getRoot().equals(from.getRoot())) {
                Path relative = from.relativize(source);
                StringBuilder uri = new StringBuilder();
                for (Path part : relative) {
                    uri.append(uri.isEmpty() ? "" : "/").append(new java.net.URI(null, null, part.toString(), null).getRawPath());
                }
                address = uri.toString();
            } else {
                address = source.toUri().toString();
            }
            Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.FILE);
            link.setAddress(address);
            cell.setHyperlink(link);
            cell.setCellStyle(styles.link());
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // a name no link can be made of (a name in another encoding): the cell keeps its text unlinked
        }
    }
}
