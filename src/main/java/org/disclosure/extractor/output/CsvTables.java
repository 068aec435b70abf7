package org.disclosure.extractor.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes each table as {@code <name>.csv} for people with a spreadsheet: UTF-8 with a byte order mark (so Excel reads
 * the Chinese right), header rows as {@link Headers} says, amounts with the decimals the report wrote (never in
 * exponent form), codes as written (01 stays 01). Each file is written beside and then moved into place, so a reader
 * never sees half a file.
 */
public final class CsvTables implements TableWriter {

    private final Headers headers;

    public CsvTables(Headers headers) {
        this.headers = headers;
    }

    @Override
    public String format() {
        return "csv";
    }

    /** The files this format writes for tables of these names. */
    public static List<String> files(List<String> names) {
        return names.stream().map(n -> n + ".csv").toList();
    }

    @Override
    public void write(List<Table> tables, Path dir) throws IOException {
        for (Table t : tables) {
            write(t, dir.resolve(t.name() + ".csv"));
        }
    }

    private void write(Table table, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT);
             Stream<List<Object>> rows = table.rows().open()) {
            w.write('\uFEFF');
            if (headers != Headers.KEY) {
                csv.printRecord(table.columns().stream().map(Column::zhWithUnit).toList());
            }
            if (headers != Headers.ZH) {
                csv.printRecord(table.columns().stream().map(Column::key).toList());
            }
            rows.forEach(row -> {
                try {
                    csv.printRecord(cells(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A row's cells as CSV text: empty for none, amounts in plain digits with their own decimals. */
    static List<String> cells(List<Object> row) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object v : row) {
            cells.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return cells;
    }
}
