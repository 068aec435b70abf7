package org.disclosure.extractor.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosure.extractor.output.Column;
import org.disclosure.extractor.output.Table;
import org.disclosure.extractor.output.TableWriter;

/**
 * The panel's tables as CSV for a spreadsheet: UTF-8 with a byte order mark, the Chinese headers with units in the
 * first row and the keys in the second, amounts as the reports wrote them, codes as text. Each file is written
 * beside and moved into place.
 */
public final class PanelCsv implements TableWriter {

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void write(List<Table> tables, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Table t : tables) {
            Path file = dir.resolve(t.name() + ".csv");
            Path tmp = dir.resolve(t.name() + ".csv.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT);
                 Stream<List<Object>> rows = t.rows().open()) {
                w.write('\uFEFF');
                csv.printRecord(t.columns().stream().map(Column::zhWithUnit).toList());
                csv.printRecord(t.columns().stream().map(Column::key).toList());
                rows.forEach(row -> {
                    try {
                        csv.printRecord(row.stream().map(c -> c == null ? "" : c instanceof BigDecimal d
                                ? d.toPlainString() : c.toString()).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                Files.deleteIfExists(tmp);
                throw e.getCause();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
