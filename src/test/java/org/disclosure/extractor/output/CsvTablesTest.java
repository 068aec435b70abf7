package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV a spreadsheet user can read: a BOM, Chinese headers with units and/or keys, amounts and codes as written. */
class CsvTablesTest {

    @TempDir
    Path dir;

    private static final List<Column> COLUMNS = List.of(
            new Column("department", "部门（单位）名称", Column.Type.TEXT, ""),
            new Column("three_public.reception", "公务接待费", Column.Type.DECIMAL, "万元"),
            new Column("row_code", "科目编码", Column.Type.CODE, ""),
            new Column("doc.fiscal_year", "年度", Column.Type.INTEGER, ""));

    private static Table table() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("甲局, 办公室", new BigDecimal("10.00"), "01", 2021L));
        rows.add(Arrays.asList("乙局", new BigDecimal("1E+3"), "2010101", null));
        rows.add(Arrays.asList("丙局", new BigDecimal("0.0000001"), null, 2022L));
        return Table.of("records", "报告", COLUMNS, rows);
    }

    private List<String> lines(Headers headers) throws IOException {
        new CsvTables(headers).write(List.of(table()), dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("records.csv"));
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        return List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void bothHeadersChineseWithUnitsFirstThenKeys() throws Exception {
        List<String> lines = lines(Headers.BOTH);
        assertThat(lines.get(0)).isEqualTo("部门（单位）名称,公务接待费（万元）,科目编码,年度");
        assertThat(lines.get(1)).isEqualTo("department,three_public.reception,row_code,doc.fiscal_year");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "\"甲局, 办公室\",10.00,01,2021", "乙局,1000,2010101,", "丙局,0.0000001,,2022");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("records.csv");
    }

    @Test
    void chineseOnlyOrKeysOnly() throws Exception {
        assertThat(lines(Headers.ZH).get(0)).startsWith("部门（单位）名称,");
        assertThat(lines(Headers.ZH).get(1)).startsWith("\"甲局");
        assertThat(lines(Headers.KEY).get(0)).startsWith("department,");
        assertThat(lines(Headers.KEY).get(1)).startsWith("\"甲局");
        assertThat(Headers.of("zh")).isEqualTo(Headers.ZH);
    }

    @Test
    void aTableThatFailsMidwayLeavesTheEarlierFileInPlace() throws Exception {
        Files.writeString(dir.resolve("records.csv"), "earlier");
        Table broken = new Table("records", "报告", COLUMNS, () -> Stream.<List<Object>>of(
                Arrays.asList("甲局", null, null, null)).peek(r -> {
                    throw new java.io.UncheckedIOException(new IOException("disk full"));
                }));
        assertThatThrownBy(() -> new CsvTables(Headers.BOTH).write(List.of(broken), dir)).hasMessageContaining("disk full");
        assertThat(Files.readString(dir.resolve("records.csv"))).isEqualTo("earlier");
        assertThat(Files.exists(dir.resolve("records.csv.tmp"))).isFalse();
    }
}
