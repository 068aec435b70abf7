package org.disclosure.extractor.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.disclosure.extractor.batch.ProcessMemory;
import org.disclosure.extractor.output.JsonRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job in local mode against the CLI's {@code extract} on the same files and the same number of cores:
 * whole runs as a user starts them (JVM and Spark start-up, reading, tables), one after the other in one
 * invocation, reported as files per second, their ratio, peak memory, and whether both gave the same records.
 */
@Command(name = "spark-benchmark", mixinStandardHelpOptions = true,
        description = {"Runs `java -jar <cli-jar> extract -t <threads>` and the Spark job with --master local[<threads>]",
                "on the same inputs, <rounds> times in turn (the order swapped each round), and prints each run's",
                "seconds, files/s, files/s per core and peak memory (RSS of the process and its children), the",
                "ratio Spark/extract of the best runs, and how many records the two gave alike, field by field.",
                "Results also go to <work>/spark-benchmark.json."})
public final class SparkBenchmark implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "<input>", description = "Report files or folders (default: corpus).")
    List<String> inputs = new ArrayList<>(List.of("corpus"));

    @Option(names = "--cli-jar", defaultValue = "target/disclosure-extractor.jar", paramLabel = "<jar>",
            description = "The CLI's jar (default: ${DEFAULT-VALUE}).")
    Path cliJar;

    @Option(names = {"-t", "--threads"}, defaultValue = "2", paramLabel = "<n>",
            description = "Cores both runs use: extract's workers, Spark's local[n] (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "<n>", description = "Runs of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--driver-memory", defaultValue = "2g", paramLabel = "<size>",
            description = "-Xmx of the Spark run's JVM, its driver and local executor (default: ${DEFAULT-VALUE}).")
    String driverMemory;

    @Option(names = "--java-options", defaultValue = LOCAL_JAVA_OPTIONS, paramLabel = "<options>",
            description = "Further options for the Spark run's JVM, separated by spaces, as spark-submit's "
                    + "--driver-java-options (default: ${DEFAULT-VALUE}, what the README advises for local mode on few "
                    + "cores; \"\" for none).")
    String javaOptions;

    @Option(names = "--work", defaultValue = "target/spark-benchmark", paramLabel = "<dir>",
            description = "Folder for the runs' outputs (default: ${DEFAULT-VALUE}).")
    Path work;

    /**
     * JVM options for a Spark JVM whose task threads take every core (local mode on a small machine): only the C1
     * compiler, as extract's workers on all cores run (C2 would keep a core compiling), and the parallel collector.
     */
    public static final String LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC";

    /** One timed run. */
    record Run(String name, int round, double seconds, long peakRssBytes, int files) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        Files.writeString(work.resolve("spark-classpath.txt"), System.getProperty("java.class.path")); // to run the job by hand
        // records name their files as given: both runs are given the same absolute paths
        inputs = inputs.stream().map(i -> i.contains("://") ? i : Path.of(i).toAbsolutePath().normalize().toString()).toList();
        List<Run> runs = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean cliFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                runs.add(cliFirst == (k == 0) ? cli(r) : spark(r));
                System.err.println(line(runs.get(runs.size() - 1)));
            }
        }
        Run bestCli = best(runs, "extract");
        Run bestSpark = best(runs, "spark");
        double ratio = bestCli.seconds() / bestSpark.seconds();
        int[] alike = compare(work.resolve("extract-" + rounds).resolve("records.jsonl"), work.resolve("spark-" + rounds).resolve("jsonl/records"));
        System.out.println(line(bestCli));
        System.out.println(line(bestSpark));
        System.out.printf(Locale.ROOT, "throughput spark/extract: %.2f (best of %d round%s each)%n", ratio, rounds, rounds == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "records: %d of %d alike field by field%s%n", alike[0], alike[1],
                alike[2] > 0 ? " (" + alike[2] + " files with a record in one run only)" : "");
        ObjectNode json = JsonRecords.MAPPER.createObjectNode();
        json.put("inputs", String.join(" ", inputs));
        json.put("threads", threads);
        json.put("spark_java_options", javaOptions);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("ratio_spark_to_extract", Math.round(ratio * 1000) / 1000.0);
        json.put("records_alike", alike[0]);
        json.put("records", alike[1]);
        ArrayNode all = json.putArray("runs");
        for (Run run : runs) {
            ObjectNode n = all.addObject();
            n.put("run", run.name());
            n.put("round", run.round());
            n.put("files", run.files());
            n.put("seconds", Math.round(run.seconds() * 100) / 100.0);
            n.put("files_per_second", Math.round(run.files() / run.seconds() * 100) / 100.0);
            n.put("peak_rss_mb", run.peakRssBytes() / (1 << 20));
        }
        Files.writeString(work.resolve("spark-benchmark.json"), JsonRecords.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        return alike[0] == alike[1] && alike[2] == 0 ? 0 : 1;
    }

    private Run cli(int round) throws IOException, InterruptedException {
        Path out = fresh("extract-" + round);
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", cliJar.toString(), "extract", "-t", Integer.toString(threads),
                "--progress", "none", "-o", out.toString()));
        cmd.addAll(inputs);
        return timed("extract -t " + threads, round, cmd, out);
    }

    private Run spark(int round) throws IOException, InterruptedException {
        Path out = fresh("spark-" + round);
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + driverMemory));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" ")));
        if (!javaOptions.isBlank()) {
            cmd.addAll(List.of(javaOptions.strip().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkExtract.class.getName(),
                "--master", "local[" + threads + "]", "--jsonl", "-o", out.toString()));
        cmd.addAll(inputs);
        return timed("spark local[" + threads + "]", round, cmd, out);
    }

    private Run timed(String name, int round, List<String> cmd, Path out) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile())
                .redirectErrorStream(true).start();
        long peak = 0;
        while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, ProcessMemory.treeRss(p.toHandle()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(name + " ended with exit status " + p.exitValue() + "; see " + out + ".log");
        }
        JsonNode summary = JsonRecords.MAPPER.readTree(out.resolve("summary.json").toFile());
        return new Run(name, round, seconds, peak, summary.path("files").asInt());
    }

    /** Records alike field by field, records compared, files with a record in one run only. */
    static int[] compare(Path cliRecords, Path sparkRecords) throws IOException {
        Map<String, JsonNode> a = byFile(Files.readAllLines(cliRecords));
        Map<String, JsonNode> b = byFile(partLines(sparkRecords));
        int alike = 0;
        int onlyOne = 0;
        for (Map.Entry<String, JsonNode> e : a.entrySet()) {
            JsonNode other = b.get(e.getKey());
            if (other == null) {
                onlyOne++;
            } else if (other.equals(e.getValue())) {
                alike++;
            }
        }
        for (String f : b.keySet()) {
            if (!a.containsKey(f)) {
                onlyOne++;
            }
        }
        return new int[] {alike, a.size(), onlyOne};
    }

    /** The lines of every part file under a folder Spark wrote (partition folders included), in path order. */
    static List<String> partLines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }

    /** Records (lines of records.jsonl) by their source.file. */
    static Map<String, JsonNode> byFile(List<String> lines) throws IOException {
        Map<String, JsonNode> m = new TreeMap<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode n = JsonRecords.MAPPER.readTree(line);
                m.put(n.path("source").path("file").asText(), n);
            }
        }
        return m;
    }

    private String line(Run r) {
        return String.format(Locale.ROOT, "%-18s round %d: %d files in %.1f s, %.2f files/s, %.2f files/s per core, peak RSS %d MB",
                r.name(), r.round(), r.files(), r.seconds(), r.files() / r.seconds(), r.files() / r.seconds() / threads,
                r.peakRssBytes() / (1 << 20));
    }

    private static Run best(List<Run> runs, String prefix) {
        return runs.stream().filter(r -> r.name().startsWith(prefix)).min(Comparator.comparingDouble(Run::seconds)).orElseThrow();
    }

    private Path fresh(String name) throws IOException {
        Path out = work.resolve(name);
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
