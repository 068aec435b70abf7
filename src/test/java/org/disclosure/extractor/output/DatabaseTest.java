package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** records.duckdb: the tables as typed database tables, exact decimals, codes as text, names as queries write them. */
class DatabaseTest {

    @TempDir
    Path dir;

    static final List<Column> COLUMNS = List.of(
            new Column("file", "文件", Column.Type.TEXT, ""),
            new Column("doc.department", "部门（单位）名称", Column.Type.TEXT, ""),
            new Column("doc.fiscal_year", "年度", Column.Type.INTEGER, ""),
            new Column("row_code", "科目编码", Column.Type.CODE, ""),
            new Column("three_public.reception", "公务接待费", Column.Type.DECIMAL, "万元"),
            new Column("damaged", "文件损坏", Column.Type.BOOLEAN, ""));

    static Table records() {
        return Table.of("records", "报告", COLUMNS, List.of(
                Arrays.asList("a.pdf", "上海市普陀区司法局", 2026, "01", new BigDecimal("9628.221344"), false),
                Arrays.asList("b.docx", "邻水县医疗保障局", 2022L, "2010101", new BigDecimal("2"), true),
                Arrays.asList("c.txt", "O'Brien \"局\"", null, null, null, null),
                Arrays.asList("d.pdf", "负数局", 2023, "0", new BigDecimal("-5.07"), false)));
    }

    /** A table named as SQL's keyword, with a column named as another. */
    static Table values() {
        return Table.of("values", "数值及出处", List.of(
                new Column("key", "字段", Column.Type.TEXT, ""),
                new Column("column", "栏目", Column.Type.TEXT, ""),
                new Column("number", "数值", Column.Type.DECIMAL, "")),
                List.of(List.of("income.total", "本年收入", new BigDecimal("6796.16")),
                        List.of("income.total", "合计", new BigDecimal("100"))));
    }

    static Connection open(Path file) throws SQLException {
        return DuckDbTables.open(file);
    }

    static List<List<Object>> query(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void eachTableIsADatabaseTableWithTypedColumnsNamedWithUnderscores() throws Exception {
        new Database().write(List.of(records(), values()), dir);
        assertThat(dir.resolve("records.duckdb")).isRegularFile();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("records.duckdb");
        }
        try (Connection c = open(dir.resolve("records.duckdb"))) {
            Map<String, String> types = new TreeMap<>();
            for (List<Object> row : query(c, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'records'")) {
                types.put((String) row.get(0), (String) row.get(1));
            }
            assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("file", "VARCHAR", "doc_department", "VARCHAR",
                    "doc_fiscal_year", "BIGINT", "row_code", "VARCHAR", "three_public_reception", "DECIMAL(18,6)",
                    "damaged", "BOOLEAN"));
            assertThat(query(c, "SELECT doc_department, doc_fiscal_year, row_code, three_public_reception, damaged "
                    + "FROM records ORDER BY file")).containsExactly(
                    List.of("上海市普陀区司法局", 2026L, "01", new BigDecimal("9628.221344"), false),
                    List.of("邻水县医疗保障局", 2022L, "2010101", new BigDecimal("2.000000"), true),
                    Arrays.asList("O'Brien \"局\"", null, null, null, null),
                    List.of("负数局", 2023L, "0", new BigDecimal("-5.070000"), false));
            assertThat(query(c, "SELECT sum(three_public_reception) FROM records"))
                    .containsExactly(List.of(new BigDecimal("9625.151344")));
            assertThat(query(c, "SELECT count(*) FROM values WHERE \"column\" = '合计'")).containsExactly(List.of(1L));
        }
    }

    @Test
    void everyColumnSaysItsChineseHeaderUnitAndKey() throws Exception {
        new Database().write(List.of(records()), dir);
        try (Connection c = open(dir.resolve("records.duckdb"))) {
            assertThat(query(c, "SELECT comment FROM duckdb_columns() WHERE column_name = 'three_public_reception'"))
                    .containsExactly(List.of("公务接待费（万元） (three_public.reception)"));
            assertThat(query(c, "SELECT comment FROM duckdb_tables() WHERE table_name = 'records'"))
                    .containsExactly(List.of("报告"));
        }
    }

    @Test
    void aNumberWithMoreDecimalsOrDigitsWidensItsColumnNeverRounds() throws Exception {
        Table wide = Table.of("items", "表格明细", List.of(new Column("amount", "金额", Column.Type.DECIMAL, "万元"),
                new Column("rate", "比率", Column.Type.DECIMAL, "%")), List.of(
                List.of(new BigDecimal("1.5"), new BigDecimal("1.5")),
                List.of(new BigDecimal("0.12345678"), new BigDecimal("12345678901234567.5")),
                List.of(new BigDecimal("1.10000000000"), new BigDecimal("2"))));
        new Database().write(List.of(wide), dir);
        try (Connection c = open(dir.resolve("records.duckdb"))) {
            assertThat(query(c, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'items' ORDER BY column_index"))
                    .containsExactly(List.of("DECIMAL(38,8)"), List.of("DECIMAL(38,6)"));
            List<List<Object>> rows = query(c, "SELECT amount, rate FROM items");
            assertThat(rows).hasSize(3);
            assertThat(((BigDecimal) rows.get(1).get(0)).compareTo(new BigDecimal("0.12345678"))).isZero();
            assertThat(((BigDecimal) rows.get(1).get(1)).compareTo(new BigDecimal("12345678901234567.5"))).isZero();
        }
    }

    @Test
    void anEarlierDatabaseIsReplacedWholeAndNothingIsLeftBeside() throws Exception {
        new Database().write(List.of(records(), values()), dir);
        new Database().write(List.of(values()), dir);
        try (Connection c = open(dir.resolve("records.duckdb"))) {
            assertThat(query(c, "SELECT table_name FROM duckdb_tables()")).containsExactly(List.of("values"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("records.duckdb");
        }
    }

    @Test
    void aFolderWithAChineseNameAQuoteAndAQuestionMarkIsWrittenInto() throws Exception {
        Path folder = dir.resolve("结果 it's?a=1");
        new Database().write(List.of(records()), folder);
        new ParquetFiles().write(List.of(records()), folder);
        try (Connection c = open(folder.resolve("records.duckdb"))) {
            assertThat(query(c, "SELECT count(*) FROM records")).containsExactly(List.of(4L));
        }
        assertThat(folder.resolve("parquet/records.parquet")).isRegularFile();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("records.duckdb", "parquet");
        }
    }

    @Test
    void aRowThatCannotBeReadLeavesTheEarlierDatabaseAsItWas() throws Exception {
        new Database().write(List.of(records()), dir);
        Table broken = new Table("items", "表格明细", List.of(new Column("a", "a", Column.Type.TEXT, "")),
                () -> Stream.of(List.<Object>of("x")).map(r -> {
                    throw new java.io.UncheckedIOException(new IOException("records.jsonl: a torn line"));
                }));
        assertThatThrownBy(() -> new Database().write(List.of(broken), dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("a torn line");
        try (Connection c = open(dir.resolve("records.duckdb"))) {
            assertThat(query(c, "SELECT count(*) FROM records")).containsExactly(List.of(4L));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("records.duckdb");
        }
    }

    @Test
    void twoColumnsThatWouldHaveOneNameAreRefused() {
        Table clash = Table.of("records", "报告", List.of(new Column("a.b", "", Column.Type.TEXT, ""),
                new Column("a_b", "", Column.Type.TEXT, "")), List.of());
        assertThatThrownBy(() -> new Database().write(List.of(clash), dir)).hasMessageContaining("a_b");
    }
}
