package org.disclosure.extractor.panel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.disclosure.extractor.output.CsvTables;
import org.disclosure.extractor.output.Database;
import org.disclosure.extractor.output.Headers;
import org.disclosure.extractor.output.ParquetFiles;
import org.disclosure.extractor.output.Table;
import org.disclosure.extractor.output.Workbook;

/**
 * Writes the panel's tables (panel, panel_findings) into a folder in each format asked for, with the writers every
 * output uses: panel.csv and panel_findings.csv; panel.xlsx (a sheet each); panel.duckdb (a table each);
 * parquet/panel.parquet and parquet/panel_findings.parquet. A run's own outputs (records.xlsx, records.duckdb …)
 * are never touched, so a run's folder can hold its panel: the writers that name their file after a run's
 * (records.xlsx, records.duckdb) write into a folder of their own that the panel's file is moved out of.
 */
public final class PanelOutput {

    public static final String WORKBOOK = "panel.xlsx";
    public static final String DATABASE = "panel.duckdb";
    /** The formats, as --formats names them, in the order they are written. */
    public static final List<String> FORMATS = List.of("csv", "xlsx", "duckdb", "parquet");

    private PanelOutput() {
    }

    /** The formats of {@code names} that are unknown (empty when all are known). */
    public static List<String> unknown(List<String> names) {
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(FORMATS);
        return unknown;
    }

    /** The first file a format writes into the folder, as the summary line names it. */
    public static String file(String format) {
        return switch (format) {
            case "xlsx" -> WORKBOOK;
            case "duckdb" -> DATABASE;
            case "parquet" -> ParquetFiles.FOLDER + "/panel.parquet";
            default -> "panel.csv";
        };
    }

    public static void write(List<Table> tables, Path dir, List<String> formats, Headers headers) throws IOException {
        Files.createDirectories(dir);
        if (formats.contains("csv")) {
            new CsvTables(headers).write(tables, dir);
        }
        if (formats.stream().noneMatch(f -> f.equals("xlsx") || f.equals("duckdb") || f.equals("parquet"))) {
            return;
        }
        Path work = Files.createTempDirectory(dir, ".panel-");
        try {
            if (formats.contains("xlsx")) {
                new Workbook(headers).write(tables, work);
                move(work.resolve(Workbook.FILE), dir.resolve(WORKBOOK));
            }
            Database database = new Database();
            if (formats.contains("duckdb")) {
                database.write(tables, work);
            }
            if (formats.contains("parquet")) {
                new ParquetFiles(database).write(tables, work);
                Path parquet = Files.createDirectories(dir.resolve(ParquetFiles.FOLDER));
                try (DirectoryStream<Path> built = Files.newDirectoryStream(work.resolve(ParquetFiles.FOLDER), "*.parquet")) {
                    for (Path p : built) {
                        move(p, parquet.resolve(p.getFileName()));
                    }
                }
            }
            if (formats.contains("duckdb")) {
                move(work.resolve(Database.FILE), dir.resolve(DATABASE));
            }
        } finally {
            try (Stream<Path> left = Files.walk(work)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
