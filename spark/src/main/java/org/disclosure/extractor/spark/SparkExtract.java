package org.disclosure.extractor.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.cli.OcrOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark-submit --class org.disclosure.extractor.spark.SparkExtract disclosure-extractor-spark.jar <input>…
 * -o <output>}: the extract command as a Spark job.
 */
@Command(name = "disclosure-extractor-spark", mixinStandardHelpOptions = true,
        versionProvider = SparkExtract.Version.class,
        description = {"Reads budget disclosure reports with the same pipeline as `disclosure-extractor extract`, in "
                + "the executors of a Spark cluster, and writes the run's tables as Parquet partitioned by province "
                + "and year: records/, items/, findings/, values/, errors/, with summary.json.",
                "Inputs and output may be on any file system Hadoop reaches (file:, hdfs://, s3a:// …)."},
        footer = {"", "Exit status: 0 done; 1 the job failed; 2 usage error or an output that holds an earlier job's "
                + "results (the message says which)."})
public final class SparkExtract implements Callable<Integer> {

    @Parameters(paramLabel = "<input>", arity = "0..*",
            description = "Files, folders (searched recursively; hidden files left out) or globs such as "
                    + "'hdfs:///reports/*/2024/*.pdf'.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--list", paramLabel = "<file>",
            description = "A text file (on any file system) naming one input per line; may be given more than once.")
    List<String> lists = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<folder>", description = "The output folder.")
    String output;

    @Option(names = "--jsonl", description = "Also write JSON Lines in jsonl/: records (each line as the CLI's "
            + "records.jsonl writes it), items, findings, values, errors.")
    boolean jsonl;

    @Option(names = "--resume", description = "Add to the results of an earlier job in the same output: files it "
            + "read (same path, same sha256) are not read again.")
    boolean resume;

    @Option(names = "--retry-errors", description = "With --resume: read again the files that ended in errors.")
    boolean retryErrors;

    @Option(names = "--overwrite", description = "Remove the results of an earlier job in the output first.")
    boolean overwrite;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "<seconds>",
            description = "Time one file may take; after it the file is abandoned with reason timeout (default ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--max-size", defaultValue = "200", paramLabel = "<MB>",
            description = "Files larger than this are not read, with reason too-large (default ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--files-per-task", defaultValue = "0", paramLabel = "<n>",
            description = "Files one task reads (default: as many as make about 16 tasks per core, at most 100).")
    int filesPerTask;

    @Option(names = "--chunk", defaultValue = "" + JobOptions.DEFAULT_CHUNK_FILES, paramLabel = "<files>",
            description = "Files read before their results are saved to the output (default ${DEFAULT-VALUE}): a job "
                    + "that stops keeps every chunk it finished, and --resume goes on from there.")
    int chunk;

    @Option(names = "--isolate", description = "Read every file in a worker process of its own, as the CLI does: "
            + "a file that exhausts memory or crashes the JVM loses only itself. Without it, files are read in the "
            + "executors themselves, and only a task that failed before (its executor died) reads its files this way.")
    boolean isolate;

    @Option(names = "--worker-heap", defaultValue = JobOptions.DEFAULT_WORKER_HEAP, paramLabel = "<size>",
            description = "Maximum heap of each such worker, as for java -Xmx (default ${DEFAULT-VALUE}).")
    String workerHeap;

    @Option(names = "--master", paramLabel = "<url>",
            description = "The Spark master when not run by spark-submit (default local[*]).")
    String master;

    @Mixin
    OcrOption ocr;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkExtract());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setPosixClusteredShortOptionsAllowed(false);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        String problem = problem();
        if (problem != null) {
            System.err.println("disclosure-extractor-spark: " + problem);
            return 2;
        }
        JobOptions options = new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeout,
                maxSize * 1024 * 1024, ocr.options(), filesPerTask, chunk, isolate, workerHeap);
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("disclosure-extractor");
        if (!conf.contains("spark.master")) {
            builder.master(master == null ? "local[*]" : master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            RunSummary summary = ExtractJob.run(spark, options);
            System.err.println(summary.line(JobOutput.open(output, spark.sparkContext().hadoopConfiguration()).shown()));
            return 0;
        } catch (ExtractJob.Refused e) {
            System.err.println("disclosure-extractor-spark: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("disclosure-extractor-spark: " + e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
    }

    private String problem() {
        if (inputs.isEmpty() && lists.isEmpty()) {
            return "no input given: name files, folders or globs, or --list a file of them";
        }
        if (resume && overwrite) {
            return "--resume and --overwrite exclude each other: --resume adds to the results, --overwrite replaces them";
        }
        if (retryErrors && !resume) {
            return "--retry-errors goes with --resume";
        }
        if (timeout < 1) {
            return "--timeout must be at least 1 second, not " + timeout;
        }
        if (maxSize < 1) {
            return "--max-size must be at least 1 MB, not " + maxSize;
        }
        if (chunk < 1 || filesPerTask < 0) {
            return "--chunk must be at least 1 and --files-per-task at least 0";
        }
        if (!workerHeap.matches("\\d+[kKmMgG]?")) {
            return "--worker-heap takes a size as java -Xmx does (1g, 1500m), not " + workerHeap;
        }
        return ocr.problem();
    }

    /** The version of the tool the job carries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"disclosure-extractor-spark " + org.disclosure.extractor.cli.Version.current()};
        }
    }
}
