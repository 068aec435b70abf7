package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example queries of README's "Database and Parquet", run against the records.duckdb that `extract
 * ../shared/corpus` writes ({@link CorpusRun}): every {@code sql} block of README runs, and each answers what README
 * says it answers — checked against records.jsonl of the same run. The Parquet files of the run are read back by
 * DuckDB and hold what the database holds.
 */
class DatabaseQueriesTest {

    private static final Pattern SQL = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path run;
    private static DuckDBConnection db;
    private static List<JsonNode> records;

    /** A query's answer: its column labels and rows. */
    record Answer(List<String> columns, List<List<Object>> rows) {
        Object cell(int row, String column) {
            return rows.get(row).get(columns.indexOf(column));
        }
    }

    @BeforeAll
    static void openTheDatabaseOfTheCorpusRun() throws Exception {
        run = CorpusRun.folder();
        db = DuckDbTables.open(run.resolve(Database.FILE), true);
        records = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("records.jsonl"), StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
    }

    @AfterAll
    static void closeIt() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    static List<String> readmeQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL.matcher(Files.readString(Path.of("README.md")));
        while (m.find()) {
            queries.add(m.group(1));
        }
        return queries;
    }

    /** The i-th query of README's database section. */
    static String query(int i) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Database and Parquet\n");
        assertThat(start).as("README has a section Database and Parquet").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Matcher m = SQL.matcher(section);
        List<String> queries = new ArrayList<>();
        while (m.find()) {
            queries.add(m.group(1));
        }
        assertThat(queries).as("the queries of README's database section").hasSize(5);
        return queries.get(i);
    }

    static Answer ask(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                columns.add(r.getMetaData().getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(r.getObject(i));
                }
                rows.add(row);
            }
            return new Answer(columns, rows);
        }
    }

    private static JsonNode value(JsonNode record, String key) {
        JsonNode node = record;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node.path("value");
    }

    private static String text(JsonNode record, String key) {
        JsonNode v = value(record, key);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static BigDecimal amount(JsonNode record, String key) {
        JsonNode v = value(record, key);
        return v.isNumber() ? v.decimalValue() : null;
    }

    private static Long year(JsonNode record) {
        JsonNode v = value(record, "doc.fiscal_year");
        return v.isNumber() ? v.longValue() : null;
    }

    private static void assertSameAmount(Object actual, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(expected);
        }
    }

    @Test
    void everySqlBlockOfTheReadmeRunsAndNamesItsColumns() throws Exception {
        List<String> queries = readmeQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
        for (String sql : queries) {
            Answer a = ask(sql);
            assertThat(a.columns()).as(sql).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            assertThat(a.rows()).as(sql).isNotEmpty();
        }
    }

    @Test
    void theTenLargestReceptionBudgetsAreTheBudgetReportsFigures() throws Exception {
        Map<List<Object>, BigDecimal> largest = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (Long) k.get(1), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (JsonNode r : records) {
            BigDecimal reception = amount(r, "three_public.reception");
            if ("budget".equals(text(r, "doc.kind")) && reception != null) {
                largest.merge(Arrays.asList(text(r, "doc.department"), year(r)), reception, BigDecimal::max);
            }
        }
        List<Map.Entry<List<Object>, BigDecimal>> expected = largest.entrySet().stream()
                .sorted(Map.Entry.<List<Object>, BigDecimal>comparingByValue().reversed()
                        .thenComparing(e -> (String) e.getKey().get(0), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(e -> (Long) e.getKey().get(1), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(10).toList();
        assertThat(expected).isNotEmpty();

        Answer a = ask(query(0));
        assertThat(a.columns()).containsExactly("部门", "年度", "公务接待费预算_万元");
        assertThat(a.rows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(a.cell(i, "部门")).isEqualTo(expected.get(i).getKey().get(0));
            assertThat(a.cell(i, "年度")).isEqualTo(expected.get(i).getKey().get(1));
            assertSameAmount(a.cell(i, "公务接待费预算_万元"), expected.get(i).getValue(), "row " + i);
        }
    }

    @Test
    void threePublicChangesByProvinceCountEachDepartmentYearAndKindOnce() throws Exception {
        Set<List<Object>> reports = new HashSet<>();
        Map<String, BigDecimal> changeByProvince = new TreeMap<>();
        for (JsonNode r : records) {
            BigDecimal change = amount(r, "three_public.change");
            if (change != null && text(r, "doc.department") != null
                    && reports.add(Arrays.asList(text(r, "doc.department"), year(r), text(r, "doc.kind")))) {
                String province = Objects.requireNonNullElse(text(r, "doc.region.province"), "（中央或不详）");
                changeByProvince.merge(province + " " + year(r) + " " + text(r, "doc.kind"), change, BigDecimal::add);
            }
        }
        Answer a = ask(query(1));
        assertThat(a.columns()).startsWith("省份", "年度", "报告类型", "部门数");
        long departments = a.rows().stream().mapToLong(row -> (Long) row.get(a.columns().indexOf("部门数"))).sum();
        assertThat(departments).isEqualTo(reports.size());
        assertThat(a.rows()).hasSize(changeByProvince.size());
        for (int i = 0; i < a.rows().size(); i++) {
            String key = a.cell(i, "省份") + " " + a.cell(i, "年度") + " " + a.cell(i, "报告类型");
            assertSameAmount(a.cell(i, "三公较上年增减_万元"), changeByProvince.get(key), key);
        }
        assertThat(a.rows()).as("some departments are placed in a province")
                .anySatisfy(row -> assertThat(row.get(0)).isNotEqualTo("（中央或不详）"));
    }

    @Test
    void theDepartmentsWithErrorsAreThoseWhoseRecordsHaveErrorFindings() throws Exception {
        Map<List<Object>, Set<String>> errors = new TreeMap<>(Comparator.comparing((List<Object> k) -> String.valueOf(k.get(0)))
                .thenComparing(k -> String.valueOf(k.get(1))).thenComparing(k -> String.valueOf(k.get(2))));
        for (JsonNode r : records) {
            for (JsonNode f : r.path("findings")) {
                if (f.path("severity").asText().equals("error")) {
                    errors.computeIfAbsent(Arrays.asList(text(r, "doc.department"), year(r), text(r, "doc.kind")), k -> new HashSet<>())
                            .add(f.path("message_zh").asText());
                }
            }
        }
        assertThat(errors).isNotEmpty();
        Answer a = ask(query(2));
        assertThat(a.columns()).containsExactly("部门", "年度", "报告类型", "错误数", "例如");
        Map<String, Long> expected = new TreeMap<>();
        errors.forEach((k, messages) -> expected.merge(k.get(0) + " " + k.get(1), (long) messages.size(), Long::sum));
        Map<String, Long> answered = new TreeMap<>();
        for (int i = 0; i < a.rows().size(); i++) {
            answered.merge(a.cell(i, "部门") + " " + a.cell(i, "年度"), (Long) a.cell(i, "错误数"), Long::sum);
        }
        assertThat(answered).isEqualTo(expected);
    }

    @Test
    void oneDepartmentsBasicExpenditureOverTheYearsIsItsReportsFigures() throws Exception {
        Answer a = ask(query(3));
        Matcher named = Pattern.compile("doc_department = '([^']+)'").matcher(query(3));
        assertThat(named.find()).isTrue();
        String department = named.group(1);
        Map<Long, BigDecimal> budget = new TreeMap<>();
        Map<Long, BigDecimal> actual = new TreeMap<>();
        for (JsonNode r : records) {
            BigDecimal basic = amount(r, "expenditure.basic");
            if (department.equals(text(r, "doc.department")) && basic != null) {
                (text(r, "doc.kind").equals("budget") ? budget : actual).merge(year(r), basic, BigDecimal::max);
            }
        }
        Set<Long> years = new java.util.TreeSet<>(budget.keySet());
        years.addAll(actual.keySet());
        assertThat(years).as("years of %s in the corpus", department).isNotEmpty();
        assertThat(a.columns()).startsWith("年度", "基本支出预算", "基本支出决算");
        assertThat(a.rows().stream().map(row -> row.get(0))).containsExactlyElementsOf(years);
        for (int i = 0; i < a.rows().size(); i++) {
            Long y = (Long) a.cell(i, "年度");
            assertSameAmount(a.cell(i, "基本支出预算"), budget.get(y), department + " " + y);
            assertSameAmount(a.cell(i, "基本支出决算"), actual.get(y), department + " " + y);
        }
    }

    @Test
    void theAppropriationShareByCityIsItsSumsRounded() throws Exception {
        Answer a = ask(query(4));
        assertThat(a.columns()).startsWith("省份", "地市", "年度", "报告类型", "部门数");
        assertThat(a.rows()).isNotEmpty();
        for (int i = 0; i < a.rows().size(); i++) {
            BigDecimal appropriation = (BigDecimal) a.cell(i, "财政拨款_万元");
            BigDecimal income = (BigDecimal) a.cell(i, "本年收入_万元");
            BigDecimal share = new BigDecimal(a.cell(i, "财政拨款占比_pct").toString());
            assertThat(share).isEqualByComparingTo(appropriation.multiply(BigDecimal.valueOf(100))
                    .divide(income, 1, java.math.RoundingMode.HALF_UP));
        }
        Set<String> cities = new HashSet<>();
        for (JsonNode r : records) {
            if (text(r, "doc.region.province") != null) {
                cities.add(Objects.requireNonNullElse(text(r, "doc.region.city"), text(r, "doc.region.province")));
            }
        }
        assertThat(a.rows().stream().map(row -> (String) row.get(1))).allSatisfy(c -> assertThat(cities).contains(c));
    }

    @Test
    void eachParquetFileHoldsWhatTheDatabaseHolds() throws Exception {
        for (String table : List.of("records", "items", "findings", "values", "errors")) {
            String file = "read_parquet('" + run.resolve("parquet").resolve(table + ".parquet") + "')";
            String t = DuckDbTables.quoted(table);
            assertThat(ask("SELECT count(*) FROM " + file).rows()).as(table)
                    .isEqualTo(ask("SELECT count(*) FROM " + t).rows());
            assertThat(ask("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + file + ")").rows()).as(table)
                    .isEqualTo(ask("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + t + ")").rows());
            assertThat(ask("SELECT count(*) FROM (SELECT * FROM " + file + " EXCEPT ALL SELECT * FROM " + t + ")").rows())
                    .as("rows of %s.parquet not in the database", table).containsExactly(List.of(0L));
        }
        assertThat(ask("SELECT typeof(row_code), typeof(amount) FROM '" + run.resolve("parquet/items.parquet") + "' LIMIT 1").rows())
                .as("科目 codes as text, amounts as exact decimals").containsExactly(List.of("VARCHAR", "DECIMAL(18,6)"));
        Answer reception = ask("SELECT sum(three_public_reception), count(three_public_reception) FROM '"
                + run.resolve("parquet/records.parquet") + "'");
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        for (JsonNode r : records) {
            BigDecimal v = amount(r, "three_public.reception");
            if (v != null && r.has("source")) {
                sum = sum.add(v);
                count++;
            }
        }
        assertSameAmount(reception.rows().get(0).get(0), sum, "sum of three_public_reception");
        assertThat(reception.rows().get(0).get(1)).isEqualTo(count);
    }
}
