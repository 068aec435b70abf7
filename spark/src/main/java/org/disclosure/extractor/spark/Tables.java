package org.disclosure.extractor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.disclosure.extractor.output.Column;
import org.disclosure.extractor.output.RecordTables;
import scala.Tuple2;

/**
 * Writes the run's tables from the latest ledger row of every file: records, items, findings and values
 * partitioned by province and year, errors as one table; each replaced whole. With JSON Lines, jsonl/records holds
 * each record's line exactly as the CLI's records.jsonl, and jsonl/&lt;table&gt; the rows of the other tables.
 */
final class Tables {

    private Tables() {
    }

    /** Records a task of the tables turns into rows (a few MB of JSON, a few hundred thousand rows of values). */
    static final int RECORDS_PER_TASK = 2_000;
    /** Folders (province-year) a table has at most, about: 34 provinces over ten years. */
    static final int FOLDERS = 300;

    /**
     * @param files how many files the output holds at most (to size the tasks: a run of a few hundred files is
     *              written by one task, ten million by thousands)
     */
    static void write(SparkSession spark, Dataset<Row> latest, JobOutput out, boolean jsonl, long files) {
        // the records grouped by the folder they are written to, so that each task writes few folders' files rather
        // than a little to every folder; a large folder is spread over several tasks
        int tasks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (files + RECORDS_PER_TASK - 1) / RECORDS_PER_TASK));
        int spread = Math.max(1, tasks / FOLDERS);
        Dataset<Row> records = latest.filter(col("status").equalTo(Ledger.RECORD));
        records = tasks == 1 ? records.select("record").coalesce(1) : records
                .select(col("record"),
                        get_json_object(col("record"), "$.doc.region.province.value").as(SparkTables.PROVINCE),
                        get_json_object(col("record"), "$.doc.fiscal_year.value").as(SparkTables.YEAR),
                        pmod(hash(col("file")), lit(spread)).as("_spread"))
                .repartition(tasks, col(SparkTables.PROVINCE), col(SparkTables.YEAR), col("_spread"))
                .select("record");
        records = records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            for (String table : List.of(RecordTables.RECORDS, RecordTables.ITEMS, RecordTables.FINDINGS, RecordTables.VALUES)) {
                JavaRDD<Row> rows = records.javaRDD().flatMap(r -> SparkTables.rows(table, r.getString(0)).iterator());
                if (table.equals(RecordTables.RECORDS)) {
                    rows = withDuplicates(rows);
                }
                Dataset<Row> df = spark.createDataFrame(rows, SparkTables.schema(table));
                if (table.equals(RecordTables.RECORDS)) { // grouped by department for the duplicates: group again
                    df = tasks == 1 ? df.coalesce(1) : df.repartition(tasks, col(SparkTables.PROVINCE), col(SparkTables.YEAR));
                }
                df.write().mode(SaveMode.Overwrite).partitionBy(SparkTables.partitions(table)).parquet(out.path(table));
                if (jsonl && !table.equals(RecordTables.RECORDS)) {
                    df.write().mode(SaveMode.Overwrite).partitionBy(SparkTables.partitions(table))
                            .json(out.path(JobOutput.JSONL + "/" + table));
                }
            }
            if (jsonl) {
                StructType lines = new StructType().add("value", DataTypes.StringType)
                        .add(SparkTables.PROVINCE, DataTypes.StringType).add(SparkTables.YEAR, DataTypes.LongType);
                JavaRDD<Row> rows = records.javaRDD().map(r -> {
                    Row first = SparkTables.rows(RecordTables.RECORDS, r.getString(0)).get(0);
                    return RowFactory.create(r.getString(0), first.get(first.size() - 2), first.get(first.size() - 1));
                });
                spark.createDataFrame(rows, lines).write().mode(SaveMode.Overwrite)
                        .partitionBy(SparkTables.PROVINCE, SparkTables.YEAR).text(out.path(JobOutput.JSONL + "/" + RecordTables.RECORDS));
            }
        } finally {
            records.unpersist();
        }
        JavaRDD<Row> errors = latest.filter(col("status").equalTo(Ledger.ERROR)).javaRDD()
                .map(r -> SparkTables.error(r.getAs("file"), r.getAs("sha256"), r.getAs("reason"), r.getAs("message")));
        Dataset<Row> df = spark.createDataFrame(errors, SparkTables.schema(RecordTables.ERRORS)).coalesce(1);
        df.write().mode(SaveMode.Overwrite).parquet(out.path(RecordTables.ERRORS));
        if (jsonl) {
            df.write().mode(SaveMode.Overwrite).json(out.path(JobOutput.JSONL + "/" + RecordTables.ERRORS));
        }
    }

    /**
     * Marks the records of one department, year and kind that come from several files, as the CLI's tables do:
     * the records are grouped by those three, and each group marked as a whole.
     */
    private static JavaRDD<Row> withDuplicates(JavaRDD<Row> rows) {
        List<Column> columns = RecordTables.columns(RecordTables.RECORDS);
        int width = columns.size();
        int department = index(columns, "doc.department");
        int year = index(columns, "doc.fiscal_year");
        int kind = index(columns, "doc.kind");
        int file = index(columns, "file");
        int mark = index(columns, RecordTables.DUPLICATE);
        JavaPairRDD<String, Row> keyed = rows.mapToPair(r -> new Tuple2<>(
                r.isNullAt(department) || r.isNullAt(year) || r.isNullAt(kind)
                        ? "\u0000" + r.get(file)
                        : r.get(department) + "\u0001" + r.get(year) + "\u0001" + r.get(kind), r));
        return keyed.groupByKey(rows.getNumPartitions()).flatMap(group -> {
            List<Row> members = new ArrayList<>();
            group._2().forEach(members::add);
            if (members.size() < 2) {
                return members.iterator();
            }
            List<List<Object>> cells = new ArrayList<>();
            for (Row r : members) {
                List<Object> c = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    c.add(r.get(i));
                }
                cells.add(c);
            }
            List<String> marks = RecordTables.duplicates(cells);
            List<Row> marked = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                Object[] values = new Object[members.get(m).size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = i == mark ? marks.get(m) : members.get(m).get(i);
                }
                marked.add(RowFactory.create(values));
            }
            return marked.iterator();
        });
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
