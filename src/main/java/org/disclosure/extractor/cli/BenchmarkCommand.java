package org.disclosure.extractor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.batch.ProcessMemory;
import org.disclosure.extractor.output.JsonRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `benchmark`: whole extract runs side by side on one machine, in one invocation — reading only against the
 * full pipeline, one worker against all, and with {@code --scans} image-only PDFs read by OCR against text PDFs —
 * reported as throughput (reports and pages per second), ratios and peak memory of the process tree.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure extract's throughput and memory, reading alone and in full, on 1 and on n workers.",
        description = {"Builds a corpus of <copies> copies of the given reports under distinct names, then runs",
                "`extract --stage parse` and `extract` on it with 1 worker and with <threads> workers, one run after",
                "another, and prints each run's throughput (reports/s) and peak memory (RSS of the run and its",
                "workers, summed), the ratio full/parse and the speed-up from 1 to <threads> workers. Every run",
                "uses the worker settings of a run on all cores, so runs differ only in their number of workers.",
                "With --scans, image-only PDFs (scans) are extracted too, in runs of their own (stage ocr), and",
                "their pages read by OCR per second are set against the pages per second of the full runs.",
                "Progress goes to stderr; the results to stdout and, to keep, to <work>/benchmark.json and",
                "<work>/benchmark.tsv (one line per run)."})
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<file or folder>", description = "Reports to copy (default: corpus).")
    List<Path> inputs = List.of(Path.of("corpus"));

    @Option(names = "--copies", defaultValue = "20", paramLabel = "<n>",
            description = "Copies of the reports in the benchmark corpus (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = {"-t", "--threads"}, paramLabel = "<n>",
            description = "Workers of the parallel runs (default: the number of cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--work", defaultValue = "target/benchmark", paramLabel = "<dir>",
            description = "Folder for the corpus and the runs' outputs (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--repeat", defaultValue = "2", paramLabel = "<n>",
            description = "Rounds of all runs; each configuration's fastest round is reported, which keeps a slow "
                    + "moment of a shared machine out of the ratios (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--stages", defaultValue = "parse,full", split = ",", paramLabel = "<stage>",
            description = "Stages to run (default: ${DEFAULT-VALUE}).")
    List<String> stages;

    @Mixin
    OcrOption ocr;

    @Option(names = "--scans", split = ",", paramLabel = "<file or folder>",
            description = "Image-only PDFs (scans) to extract with OCR in runs of their own, stage ocr (default: none).")
    List<Path> scans = List.of();

    @Option(names = "--scan-copies", defaultValue = "1", paramLabel = "<n>",
            description = "Copies of the scans in their corpus (default: ${DEFAULT-VALUE}).")
    int scanCopies;

    /**
     * One measured run: its files, their pages and the pages read by OCR (from the records the run wrote).
     */
    record Run(String stage, int workers, int files, int pages, int ocrPages, double seconds, long peakRssBytes,
               int exitCode) {
        double throughput() {
            return files / seconds;
        }

        /** Pages per second: of pages read by OCR in an ocr run, of all pages otherwise. */
        double pageThroughput() {
            return (stage.equals(OCR) ? ocrPages : pages) / seconds;
        }

        Run withPeak(long bytes) {
            return new Run(stage, workers, files, pages, ocrPages, seconds, bytes, exitCode);
        }
    }

    /** The stage of runs over the scans: the full pipeline, pages without text read by OCR. */
    static final String OCR = "ocr";

    @Override
    public Integer call() throws Exception {
        String problem = PathProblems.missingInput(inputs);
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        if (ocr.problem() != null) {
            return UsageErrors.report(spec, ocr.problem());
        }
        if (copies < 1 || threads < 1 || repeat < 1 || scanCopies < 1) {
            return UsageErrors.report(spec, "--copies, --scan-copies, --threads and --repeat must be at least 1");
        }
        String scansProblem = scans.isEmpty() ? null : PathProblems.missingInput(scans);
        if (scansProblem != null) {
            return UsageErrors.report(spec, "--scans: " + scansProblem);
        }
        if (!stages.stream().allMatch(s -> s.equals("parse") || s.equals("full"))) {
            return UsageErrors.report(spec, "--stages takes parse, full or both (parse,full), not " + String.join(",", stages));
        }
        Path corpus = work.resolve("corpus");
        int files = buildCorpus(InputFiles.select(inputs, new InputFiles.Rules(Long.MAX_VALUE, false, work)).files(), corpus, copies);
        Path scanCorpus = work.resolve("scans");
        int scanFiles = scans.isEmpty() ? 0 : buildCorpus(
                InputFiles.select(scans, new InputFiles.Rules(Long.MAX_VALUE, false, work)).files(), scanCorpus, scanCopies);
        System.err.printf(Locale.ROOT, "benchmark: %d files (%d copies) in %s; %d cores, %s%n", files, copies, corpus,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        List<Integer> workerCounts = threads > 1 ? List.of(1, threads) : List.of(1);
        List<String> runStages = new ArrayList<>(stages);
        if (scanFiles > 0) {
            System.err.printf(Locale.ROOT, "benchmark: %d scans (%d copies) in %s%n", scanFiles, scanCopies, scanCorpus);
            runStages.add(OCR);
        }
        Map<String, Run> best = new LinkedHashMap<>();
        List<Run> all = new ArrayList<>();
        for (int round = 1; round <= Math.max(1, repeat); round++) {
            for (int w : workerCounts) {
                for (String stage : runStages) {
                    Run r = stage.equals(OCR) ? run(stage, w, scanCorpus, scanFiles) : run(stage, w, corpus, files);
                    all.add(r);
                    System.err.printf(Locale.ROOT, "  round %d  %s%s%n", round, line(r),
                            r.exitCode() == 0 ? "" : "  (exit " + r.exitCode() + ")");
                    best.merge(stage + "/" + w, r, (a, b) -> (b.seconds() < a.seconds() ? b : a)
                            .withPeak(Math.max(a.peakRssBytes(), b.peakRssBytes())));
                }
            }
        }
        List<Run> runs = new ArrayList<>(best.values());
        Map<String, Double> ratios = ratios(runs, workerCounts);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("fastest of " + Math.max(1, repeat) + " round(s), peak RSS the highest of any round:");
        for (Run r : runs) {
            out.println("  " + line(r));
        }
        ratios.forEach((k, v) -> out.printf(Locale.ROOT, "  %s: %.2f%n", k, v));
        write(runs, ratios, files, scanFiles);
        System.err.println("benchmark: results kept in " + work.resolve("benchmark.json") + " and "
                + work.resolve("benchmark.tsv") + "; each run's log in " + work.resolve("run-<stage>-<workers>.log"));
        return all.stream().allMatch(r -> r.exitCode() == 0) ? 0 : 1;
    }

    /** A run's figures on one line: time, reports/s, pages/s (pages read by OCR in an ocr run), peak memory. */
    private static String line(Run r) {
        return String.format(Locale.ROOT, "%-5s %d worker(s): %7.1f s  %6.2f reports/s  %7.2f %s/s  peak RSS %5d MB",
                r.stage(), r.workers(), r.seconds(), r.throughput(), r.pageThroughput(),
                r.stage().equals(OCR) ? "OCR pages" : "pages", r.peakRssBytes() >> 20);
    }

    private static int buildCorpus(List<Path> sources, Path corpus, int copies) throws IOException {
        if (Files.exists(corpus)) {
            try (Stream<Path> old = Files.walk(corpus)) {
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        int n = 0;
        for (int c = 0; c < copies; c++) {
            Path dir = Files.createDirectories(corpus.resolve(String.format(Locale.ROOT, "copy%04d", c)));
            for (Path s : sources) {
                Path target = dir.resolve(c + "-" + s.getFileName());
                try {
                    Files.createLink(target, s.toAbsolutePath());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(s, target);
                }
                n++;
            }
        }
        return n;
    }

    private Run run(String stage, int workers, Path corpus, int files) throws IOException, InterruptedException {
        Path out = work.resolve("out-" + stage + "-" + workers);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "extract", corpus.toString(),
                "-o", out.toString(), "--threads", Integer.toString(workers),
                "--stage", stage.equals(OCR) ? "full" : stage, "--progress", "none",
                // every run with the workers' settings of a run using all cores (C1 only), so that runs
                // differ in their number of workers and nothing else
                "--worker-java-options=-XX:TieredStopAtLevel=1"));
        cmd.addAll(ocr.arguments());
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("run-" + stage + "-" + workers + ".log").toFile()).start();
        long peak = 0;
        while (!p.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, ProcessMemory.treeRss(p.toHandle()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int[] pages = pages(out.resolve("records.jsonl"));
        return new Run(stage, workers, files, pages[0], pages[1], seconds, peak, p.exitValue());
    }

    /** The pages of the files a run wrote records for, and of those the pages read by OCR. */
    static int[] pages(Path records) throws IOException {
        int[] pages = new int[2];
        if (!Files.isRegularFile(records)) {
            return pages;
        }
        try (Stream<String> lines = Files.lines(records)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    JsonNode source = JsonRecords.MAPPER.readTree(l).path("source");
                    pages[0] += source.path("pages").asInt();
                    pages[1] += source.path("ocr").path("pages").size();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return pages;
    }

    private static Map<String, Double> ratios(List<Run> runs, List<Integer> workerCounts) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (int w : workerCounts) {
            Run parse = find(runs, "parse", w);
            Run full = find(runs, "full", w);
            if (parse != null && full != null) {
                ratios.put("full/parse throughput, " + w + " worker(s)", full.throughput() / parse.throughput());
            }
            Run ocr = find(runs, OCR, w);
            if (ocr != null && full != null && full.pageThroughput() > 0) {
                ratios.put("OCR pages/s against full pages/s, " + w + " worker(s)", ocr.pageThroughput() / full.pageThroughput());
            }
        }
        if (workerCounts.size() > 1) {
            int n = workerCounts.get(1);
            for (String stage : List.of("parse", "full", OCR)) {
                Run one = find(runs, stage, 1);
                Run many = find(runs, stage, n);
                if (one != null && many != null) {
                    ratios.put(stage + " speed-up 1 -> " + n + " workers", many.throughput() / one.throughput());
                }
            }
        }
        return ratios;
    }

    private static Run find(List<Run> runs, String stage, int workers) {
        return runs.stream().filter(r -> r.stage().equals(stage) && r.workers() == workers).findFirst().orElse(null);
    }

    private void write(List<Run> runs, Map<String, Double> ratios, int files, int scanFiles) throws IOException {
        ObjectNode n = JsonRecords.MAPPER.createObjectNode();
        n.put("files", files);
        n.put("copies", copies);
        n.put("scans", scanFiles);
        n.put("scan_copies", scanCopies);
        n.put("rounds", Math.max(1, repeat));
        n.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode a = n.putArray("runs");
        for (Run r : runs) {
            ObjectNode o = a.addObject();
            o.put("stage", r.stage());
            o.put("workers", r.workers());
            o.put("files", r.files());
            o.put("seconds", Math.round(r.seconds() * 10) / 10.0);
            o.put("reports_per_second", Math.round(r.throughput() * 100) / 100.0);
            o.put("pages", r.pages());
            o.put("ocr_pages", r.ocrPages());
            o.put("pages_per_second", Math.round(r.pageThroughput() * 100) / 100.0);
            o.put("peak_rss_mb", r.peakRssBytes() >> 20);
            o.put("exit_code", r.exitCode());
        }
        ObjectNode rs = n.putObject("ratios");
        ratios.forEach((k, v) -> rs.put(k, Math.round(v * 100) / 100.0));
        Files.writeString(work.resolve("benchmark.json"), JsonRecords.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
        StringBuilder tsv = new StringBuilder("stage\tworkers\tfiles\tseconds\treports_per_second\tpages\tocr_pages"
                + "\tpages_per_second\tpeak_rss_mb\texit_code\n");
        for (Run r : runs) {
            tsv.append(String.format(Locale.ROOT, "%s\t%d\t%d\t%.1f\t%.2f\t%d\t%d\t%.2f\t%d\t%d%n", r.stage(), r.workers(),
                    r.files(), r.seconds(), r.throughput(), r.pages(), r.ocrPages(), r.pageThroughput(),
                    r.peakRssBytes() >> 20, r.exitCode()));
        }
        Files.writeString(work.resolve("benchmark.tsv"), tsv.toString());
    }
}
