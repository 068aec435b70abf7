package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosure.extractor.output.DatabaseTest.query;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parquet/&lt;table&gt;.parquet: the tables with the database's names and types, read back by DuckDB. */
class ParquetFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachTableIsAParquetFileWithTheDatabasesNamesAndTypes() throws Exception {
        new ParquetFiles().write(List.of(DatabaseTest.records(), DatabaseTest.values()), dir);
        try (Stream<Path> files = Files.list(dir.resolve("parquet"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("records.parquet", "values.parquet");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("parquet");
        }
        try (Connection c = DatabaseTest.open(dir.resolve("read.duckdb"))) {
            String records = "read_parquet('" + dir.resolve("parquet/records.parquet") + "')";
            assertThat(query(c, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + records + ")")).containsExactly(
                    List.of("file", "VARCHAR"), List.of("doc_department", "VARCHAR"), List.of("doc_fiscal_year", "BIGINT"),
                    List.of("row_code", "VARCHAR"), List.of("three_public_reception", "DECIMAL(18,6)"),
                    List.of("damaged", "BOOLEAN"));
            assertThat(query(c, "SELECT doc_department, row_code, three_public_reception FROM " + records + " ORDER BY file"))
                    .containsExactly(List.of("上海市普陀区司法局", "01", new BigDecimal("9628.221344")),
                            List.of("邻水县医疗保障局", "2010101", new BigDecimal("2.000000")),
                            Arrays.asList("O'Brien \"局\"", null, null),
                            List.of("负数局", "0", new BigDecimal("-5.070000")));
        }
    }

    @Test
    void afterTheDatabaseOfTheSameTablesTheFilesAreCopiedFromItWithoutReadingTheRowsAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        Table records = DatabaseTest.records();
        Table counted = new Table(records.name(), records.zh(), records.columns(), () -> {
            opened.incrementAndGet();
            return records.rows().open();
        });
        List<Table> tables = List.of(counted);
        Database database = new Database();
        database.write(tables, dir);
        new ParquetFiles(database).write(tables, dir);
        assertThat(opened).hasValue(1);
        new ParquetFiles(database).write(List.of(counted), dir); // other tables: built from their rows
        assertThat(opened).hasValue(2);
        try (Connection c = DatabaseTest.open(dir.resolve("read.duckdb"))) {
            assertThat(query(c, "SELECT sum(three_public_reception), count(*) FROM '" + dir.resolve("parquet/records.parquet") + "'"))
                    .containsExactly(List.of(new BigDecimal("9625.151344"), 4L));
        }
    }

    @Test
    void rewritingReplacesEachFileWholeAndLeavesOtherFilesOfTheFolder() throws Exception {
        new ParquetFiles().write(List.of(DatabaseTest.records(), DatabaseTest.values()), dir);
        Files.writeString(dir.resolve("parquet/panel.parquet"), "the panel's, written by the panel command");
        new ParquetFiles().write(List.of(DatabaseTest.values(), Table.of("records", "报告", DatabaseTest.COLUMNS, List.of())), dir);
        try (Stream<Path> files = Files.list(dir.resolve("parquet"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("records.parquet", "values.parquet", "panel.parquet");
        }
        assertThat(dir.resolve("parquet/panel.parquet")).hasContent("the panel's, written by the panel command");
        try (Connection c = DatabaseTest.open(dir.resolve("read.duckdb"))) {
            assertThat(query(c, "SELECT count(*) FROM '" + dir.resolve("parquet/values.parquet") + "'"))
                    .containsExactly(List.of(2L));
            assertThat(query(c, "SELECT count(*) FROM '" + dir.resolve("parquet/records.parquet") + "'"))
                    .containsExactly(List.of(0L));
        }
    }
}
