package org.disclosure.extractor.panel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.disclosure.extractor.output.Database;
import org.disclosure.extractor.output.ParquetFiles;
import org.disclosure.extractor.output.Table;

/**
 * Writes the panel's tables into a folder in each format asked for: panel.csv and panel_findings.csv; panel.duckdb
 * (tables panel and panel_findings); parquet/panel.parquet and parquet/panel_findings.parquet. The panel never
 * touches a run's own outputs, so a run's folder can hold its panel: the database and Parquet writers, which
 * replace their whole file or folder, write into a folder of their own that the panel's files are moved out of.
 */
public final class PanelOutput {

    /** The formats the panel is written in, as --format names them. */
    public enum Format { CSV, DUCKDB, PARQUET }

    public static final String DATABASE = "panel.duckdb";

    private PanelOutput() {
    }

    /** The files a format writes into the folder. */
    public static List<String> files(Format format) {
        return switch (format) {
            case CSV -> List.of("panel.csv", "panel_findings.csv");
            case DUCKDB -> List.of(DATABASE);
            case PARQUET -> List.of(ParquetFiles.FOLDER + "/panel.parquet", ParquetFiles.FOLDER + "/panel_findings.parquet");
        };
    }

    public static void write(List<Table> tables, Path dir, List<Format> formats) throws IOException {
        Files.createDirectories(dir);
        if (formats.contains(Format.CSV)) {
            new PanelCsv().write(tables, dir);
        }
        if (formats.contains(Format.DUCKDB) || formats.contains(Format.PARQUET)) {
            Path work = Files.createTempDirectory(dir, ".panel-");
            try {
                Database database = new Database();
                if (formats.contains(Format.DUCKDB)) {
                    database.write(tables, work);
                    Files.move(work.resolve(Database.FILE), dir.resolve(DATABASE), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                if (formats.contains(Format.PARQUET)) {
                    new ParquetFiles().write(tables, work);
                    Path parquet = Files.createDirectories(dir.resolve(ParquetFiles.FOLDER));
                    try (DirectoryStream<Path> built = Files.newDirectoryStream(work.resolve(ParquetFiles.FOLDER), "*.parquet")) {
                        for (Path p : built) {
                            Files.move(p, parquet.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                                    StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                }
            } finally {
                try (Stream<Path> left = Files.walk(work)) {
                    for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
