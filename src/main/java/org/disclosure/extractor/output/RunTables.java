package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The tables of one run folder — {@code records}, {@code items}, {@code findings}, {@code values}, {@code errors} —
 * read from its records.jsonl and errors.jsonl, the run's authoritative outputs; every format writes these.
 * Records are held (one row each) to be sorted by region, department, year, kind of report and file, with
 * duplicates of one department-year-kind marked; the rows of items, values and findings are read again from
 * records.jsonl record by record, in the same order, whenever a format asks for them, so that a run of many
 * thousand reports is never held whole.
 */
public final class RunTables {

    public static final String RECORDS = "records.jsonl";
    public static final String ERRORS = "errors.jsonl";

    /** Keys a record is sorted by after whether it names its department, in order; region keys sort as empty where a record (or the dictionary) lacks them. */
    private static final List<String> ORDER = List.of("doc.region.province", "doc.region.city", "doc.region.county",
            "doc.department", "doc.fiscal_year", "doc.kind", "file");

    /** The members of a record's line that say whose report it is (see {@link RecordRows.Whose}). */
    private static final Predicate<String> WHOSE = name -> name.equals("source") || name.equals("doc");

    /** A record's row of {@code records} and where its line lies in records.jsonl. */
    private record Indexed(List<Object> row, List<Object> order, long offset, int length) {
    }

    private RunTables() {
    }

    /** The five tables of the run in {@code dir} (empty tables where it has no records or errors). */
    public static List<Table> of(Path dir) throws IOException {
        Path records = dir.resolve(RECORDS);
        List<Column> columns = RecordRows.recordColumns();
        List<Indexed> indexed = new ArrayList<>();
        RunLines.forEach(records, name -> !name.equals("tables") && !name.equals("findings"), (json, offset, length) -> {
            if (json.has("source")) {
                List<Object> row = RecordRows.recordRow(json, columns);
                List<Object> order = new ArrayList<>();
                order.add(RecordRows.field(json, "doc.department").path("value").isMissingNode() ? 1L : 0L); // nameless last
                for (String key : ORDER) {
                    order.add(key.equals("file") ? row.get(0) : RecordRows.cell(RecordRows.field(json, key).path("value"),
                            key.equals("doc.fiscal_year") ? Column.Type.INTEGER : Column.Type.TEXT));
                }
                indexed.add(new Indexed(row, order, offset, length));
            }
        });
        if (indexed.size() > 1) { // the collator takes a moment to build: not for a run of one file
            Collator collator = collator();
            indexed.sort(Comparator.comparing(Indexed::order, (a, b) -> compareOrder(a, b, collator)));
        }
        List<List<Object>> rows = new ArrayList<>(indexed.stream().map(Indexed::row).toList());
        List<String> marks = Duplicates.mark(rows, columns);
        int duplicate = index(columns, RecordRows.DUPLICATE);
        for (int r = 0; r < rows.size(); r++) {
            rows.get(r).set(duplicate, marks.get(r));
        }
        List<Indexed> order = List.copyOf(indexed);
        return List.of(
                Table.of("records", "报告", columns, rows),
                perRecord("items", "表格明细", RecordRows.ITEMS, records, order, WHOSE.or("tables"::equals), RecordRows::items),
                perRecord("findings", "一致性检查", RecordRows.FINDINGS, records, order, WHOSE.or("findings"::equals),
                        RecordRows::findings),
                perRecord("values", "数值及出处", RecordRows.VALUES, records, order,
                        name -> !name.equals("tables") && !name.equals("findings"), RecordRows::values),
                errors(dir.resolve(ERRORS)));
    }

    /** A table of rows each record gives, read back from records.jsonl record by record in the records' order. */
    private static Table perRecord(String name, String zh, List<Column> columns, Path records, List<Indexed> order,
                                   Predicate<String> wanted, BiFunction<JsonNode, RecordRows.Whose, List<List<Object>>> rowsOf) {
        return new Table(name, zh, columns, () -> {
            if (order.isEmpty()) {
                return Stream.empty();
            }
            FileChannel channel = RunLines.open(records);
            return order.stream()
                    .flatMap(i -> {
                        try {
                            JsonNode json = RunLines.read(channel, i.offset(), i.length(), wanted);
                            return rowsOf.apply(json, RecordRows.Whose.of(json)).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(records + ": " + e.getMessage(), e);
                        }
                    })
                    .onClose(() -> {
                        try {
                            channel.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        });
    }

    static final List<Column> ERROR_COLUMNS = List.of(
            new Column("file", "文件", Column.Type.TEXT, ""),
            new Column("sha256", "文件哈希（SHA-256）", Column.Type.TEXT, ""),
            new Column("reason", "原因", Column.Type.TEXT, ""),
            new Column("message", "说明", Column.Type.TEXT, ""));

    /** Files that could not be read, sorted by file (a run has few; they are held). */
    private static Table errors(Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        RunLines.forEach(file, (json, offset, length) -> {
            List<Object> row = new ArrayList<>();
            for (Column c : ERROR_COLUMNS) {
                row.add(RecordRows.text(json.path(c.key())));
            }
            rows.add(row);
        });
        if (rows.size() > 1) {
            Collator collator = collator();
            rows.sort(Comparator.comparing(r -> r.get(0) == null ? "" : (String) r.get(0), collator));
        }
        return Table.of("errors", "无法读取的文件", ERROR_COLUMNS, rows);
    }

    /**
     * The order of {@code records} ({@link #of}) read from rows of records themselves: for a caller that sorts a
     * few rows of its own (those of one department, year and kind) as a run's table would hold them.
     */
    static Comparator<List<Object>> rowOrder(List<Column> columns) {
        int department = index(columns, "doc.department");
        int[] keys = ORDER.stream().mapToInt(k -> index(columns, k)).toArray();
        Collator collator = collator();
        return Comparator.comparing(row -> {
            List<Object> order = new ArrayList<>();
            order.add(row.get(department) == null ? 1L : 0L); // nameless last
            for (int k : keys) {
                order.add(row.get(k));
            }
            return order;
        }, (a, b) -> compareOrder(a, b, collator));
    }

    /** Builds the Chinese collator once, so that a run's end does not wait for it (see {@link RunOutputs#prepare}). */
    static void prepare() {
        collator().compare("北京", "上海");
    }

    private static Collator collator() {
        Collator c = Collator.getInstance(Locale.CHINA); // 拼音 order, as people look a name up
        c.setStrength(Collator.TERTIARY);
        return c;
    }

    /** Compares sort keys: text in 拼音 order (missing as empty), years as numbers (missing last). */
    private static int compareOrder(List<Object> a, List<Object> b, Collator collator) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Long || y instanceof Long) {
                c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : Long.compare((Long) x, (Long) y);
            } else {
                c = collator.compare(x == null ? "" : x.toString(), y == null ? "" : y.toString());
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int index(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + key);
    }
}
