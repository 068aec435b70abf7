package org.disclosure.extractor.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.OcrTally;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.output.JsonRecords;

/**
 * The job: lists the input files on the driver, reads them in the executors chunk by chunk ({@link ReadFiles}),
 * each chunk's results written to the ledger (files/) as soon as it is done, then builds the tables from the
 * ledger — records, items, findings, values (partitioned by province and year) and errors — as Parquet, and as JSON
 * Lines when asked, and writes summary.json.
 */
public final class ExtractJob {

    private ExtractJob() {
    }

    /** Runs the job; the summary it returns is also in the output's summary.json. */
    public static RunSummary run(SparkSession spark, JobOptions options) throws IOException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        JobOutput out = JobOutput.open(options.output(), conf);
        out.prepare(options);
        InputListing.Listing listing = InputListing.of(options.inputs(), options.lists(), conf, options.maxBytes(), out.uri());
        if (listing.files().isEmpty() && listing.rejected().isEmpty()) {
            List<String> given = new ArrayList<>(options.inputs());
            given.addAll(options.lists());
            throw new IOException("no files found in " + String.join(", ", given) + " (nothing written)");
        }
        Map<String, String> done = options.resume() ? done(spark, out, options.retryErrors()) : Map.of();
        List<InputFile> files = new ArrayList<>();
        for (InputFile f : listing.files()) {
            files.add(new InputFile(f.uri(), f.label(), f.size(), done.get(f.label())));
        }
        String run = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        ReadFiles reading = new ReadFiles(ExecutorPipeline.Settings.of(options.maxBytes(), options.ocr()),
                options.timeoutSeconds(), HadoopSettings.of(conf), options.isolate(), options.workerHeap());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        files.sort(Comparator.comparingLong(InputFile::size).reversed());
        int chunk = 0;
        if (!listing.rejected().isEmpty()) {
            List<Row> rows = listing.rejected().stream().map(Ledger::rejected).toList();
            spark.createDataFrame(rows, Ledger.SCHEMA).coalesce(1).write().parquet(out.ledgerChunk(run, chunk++));
        }
        for (int from = 0; from < files.size(); from += options.chunkFiles()) {
            List<InputFile> part = files.subList(from, Math.min(files.size(), from + options.chunkFiles()));
            int tasks = tasks(part.size(), options.filesPerTask(), sc.defaultParallelism());
            JavaRDD<Row> results = sc.parallelize(dealt(part, tasks), tasks).mapPartitions(reading);
            spark.createDataFrame(results, Ledger.SCHEMA).write().parquet(out.ledgerChunk(run, chunk++));
        }
        Tables.write(spark, latest(spark, out), out, options.jsonl(), done.size() + files.size());
        RunSummary summary = summary(spark, out, run, listing, options, (System.nanoTime() - start) / 1e9);
        out.writeSummary(summary, options);
        return summary;
    }

    /**
     * How many tasks read a chunk: many more than the cores, so that a core whose files were slow takes up
     * another task rather than leave the others to wait for it, but not more than one per file, nor fewer files per
     * task than a hundredth of the chunk (the driver keeps track of every task). Measured on ../shared/unlabelled in
     * local[2]: 16 tasks per core read it faster than one task per file, which starts the largest files together.
     */
    static int tasks(int files, int filesPerTask, int parallelism) {
        if (files == 0) {
            return 1;
        }
        if (filesPerTask > 0) {
            return (files + filesPerTask - 1) / filesPerTask;
        }
        return Math.min(files, Math.max(parallelism * 16, (files + 99) / 100));
    }

    /**
     * The files (largest first) reordered so that Spark's slicing into {@code tasks} ranges deals them out in turn:
     * every task gets a share of the large files and the small, and the large are read first.
     */
    static List<InputFile> dealt(List<InputFile> files, int tasks) {
        int n = files.size();
        int[] room = new int[tasks];
        List<List<InputFile>> ranges = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            room[t] = (int) ((long) (t + 1) * n / tasks - (long) t * n / tasks); // as ParallelCollectionRDD slices
            ranges.add(new ArrayList<>(room[t]));
        }
        int t = 0;
        for (InputFile f : files) {
            while (room[t] == 0) {
                t = (t + 1) % tasks;
            }
            ranges.get(t).add(f);
            room[t]--;
            t = (t + 1) % tasks;
        }
        List<InputFile> laid = new ArrayList<>(n);
        ranges.forEach(laid::addAll);
        return laid;
    }

    /** The latest row of every file in the ledger (files read again with --resume or --retry-errors: the last). */
    static Dataset<Row> latest(SparkSession spark, JobOutput out) throws IOException {
        Dataset<Row> all = out.ledger(spark).filter(col("status").notEqual(Ledger.SKIPPED));
        if (out.runs() == 1) {
            return all; // one run lists every file once
        }
        return all.withColumn("_n", row_number().over(Window.partitionBy("file").orderBy(col("run").desc(), col("attempt").desc())))
                .filter(col("_n").equalTo(1)).drop("_n");
    }

    /** The sha256 of each file the ledger holds done: with a record, or with an error unless errors are read again. */
    private static Map<String, String> done(SparkSession spark, JobOutput out, boolean retryErrors) throws IOException {
        if (!out.hasLedger()) {
            return Map.of();
        }
        Dataset<Row> latest = latest(spark, out).filter(col("sha256").isNotNull());
        if (retryErrors) {
            latest = latest.filter(col("status").equalTo(Ledger.RECORD));
        }
        Map<String, String> done = new HashMap<>();
        for (Row r : latest.select("file", "sha256").collectAsList()) {
            done.put(r.getString(0), r.getString(1));
        }
        return done;
    }

    /** The summary of this run, from its rows of the ledger. */
    private static RunSummary summary(SparkSession spark, JobOutput out, String run, InputListing.Listing listing,
                                      JobOptions options, double seconds) {
        Dataset<Row> mine = out.ledger(spark).filter(col("run").startsWith(run + "-"));
        int skipped = 0;
        int records = 0;
        int errors = 0;
        Map<String, Integer> empty = new TreeMap<>();
        Map<String, Integer> errorsByReason = new TreeMap<>();
        for (Row r : mine.groupBy("status", "reason").count().collectAsList()) {
            String status = r.getString(0);
            String reason = r.getString(1);
            int n = (int) r.getLong(2);
            switch (status) {
                case Ledger.SKIPPED -> skipped += n;
                case Ledger.RECORD -> {
                    records += n;
                    if (reason != null) {
                        empty.merge(Batch.reasonCode(reason), n, Integer::sum);
                    }
                }
                default -> {
                    errors += n;
                    errorsByReason.merge(reason, n, Integer::sum);
                }
            }
        }
        OcrTally ocr = OcrTally.none(options.ocr().mode());
        for (Row r : mine.filter(col("status").equalTo(Ledger.RECORD))
                .select(col("file"), get_json_object(col("record"), "$.source.ocr").as("ocr"))
                .filter(col("ocr").isNotNull()).orderBy("file").collectAsList()) {
            try {
                ocr = ocr.add(r.getString(0), JsonRecords.MAPPER.readTree(r.getString(1)));
            } catch (IOException e) {
                // a record's source.ocr not as written by the tool: left out of the tally
            }
        }
        int files = listing.files().size() + listing.rejected().size();
        return new RunSummary(files, skipped, records, empty, errors, errorsByReason, seconds, null, ocr);
    }

    /** A job that cannot start as asked (its output holds an earlier job's, an input list is missing). */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }
}
