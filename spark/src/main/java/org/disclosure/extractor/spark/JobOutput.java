package org.disclosure.extractor.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordTables;

/**
 * The job's output folder on any Hadoop file system: the tables (records/, items/, findings/, values/, errors/),
 * jsonl/ when asked, summary.json, and the ledger files/. A folder holding an earlier job's results is written
 * into only with --resume (which adds to them) or --overwrite (which first removes them, and nothing else).
 */
final class JobOutput {

    static final String SUMMARY = "summary.json";
    static final String JSONL = "jsonl";

    private final FileSystem fs;
    private final Path dir;

    private JobOutput(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    static JobOutput open(String output, Configuration conf) throws IOException {
        Path p = new Path(output);
        FileSystem fs = p.getFileSystem(conf);
        return new JobOutput(fs, fs.makeQualified(p));
    }

    String uri() {
        return dir.toString();
    }

    /** The output as people read it: a local folder by its path, others by URI. */
    String shown() {
        return InputListing.label(dir);
    }

    String path(String name) {
        return new Path(dir, name).toString();
    }

    boolean hasLedger() throws IOException {
        return fs.exists(new Path(dir, Ledger.FOLDER));
    }

    /** Checks the folder may be written as asked, and removes an earlier job's results for --overwrite. */
    void prepare(JobOptions options) throws IOException {
        boolean earlier = hasLedger() || fs.exists(new Path(dir, SUMMARY));
        if (earlier && !options.resume() && !options.overwrite()) {
            throw new ExtractJob.Refused(shown() + ": holds the results of an earlier job; --resume reads only the files "
                    + "it has not read, --overwrite reads every file again");
        }
        if (earlier && options.overwrite()) {
            for (String name : List.of(Ledger.FOLDER, JSONL, SUMMARY, RecordTables.RECORDS, RecordTables.ITEMS,
                    RecordTables.FINDINGS, RecordTables.VALUES, RecordTables.ERRORS)) {
                fs.delete(new Path(dir, name), true);
            }
        }
        if (earlier && options.resume()) {
            OcrMode before = ocrModeOf();
            if (before != null && before != options.ocr().mode()) {
                throw new ExtractJob.Refused(shown() + ": its records were read with --ocr " + before.cliName()
                        + "; resume with --ocr " + before.cliName() + ", or use --overwrite to read every file again with --ocr "
                        + options.ocr().mode().cliName());
            }
        }
        fs.mkdirs(dir);
    }

    private OcrMode ocrModeOf() {
        try (var in = fs.open(new Path(dir, SUMMARY))) {
            String mode = JsonRecords.MAPPER.readTree(in).path("ocr").path("mode").asText("");
            return mode.isEmpty() ? null : OcrMode.parse(mode);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Where one chunk of this run's ledger rows goes. */
    String ledgerChunk(String run, int chunk) {
        return new Path(new Path(dir, Ledger.FOLDER), String.format("run=%s-%05d", run, chunk)).toString();
    }

    /** How many runs have written to the ledger. */
    int runs() throws IOException {
        Path ledger = new Path(dir, Ledger.FOLDER);
        if (!fs.exists(ledger)) {
            return 0;
        }
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(ledger)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.startsWith("run=")) {
                runs.add(name.substring(0, name.lastIndexOf('-')));
            }
        }
        return runs.size();
    }

    /** Every row of the ledger, with the run (and chunk) that wrote it as {@code run}. */
    Dataset<Row> ledger(SparkSession spark) {
        return spark.read().schema(Ledger.SCHEMA.add("run", org.apache.spark.sql.types.DataTypes.StringType))
                .parquet(path(Ledger.FOLDER));
    }

    void writeSummary(RunSummary summary, JobOptions options) throws IOException {
        var json = summary.json();
        json.put("engine", "spark");
        json.put("output", uri());
        try (OutputStream out = fs.create(new Path(dir, SUMMARY), true)) {
            out.write((JsonRecords.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
