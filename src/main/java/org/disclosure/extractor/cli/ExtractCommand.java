package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `extract`: reads reports and writes one record per report. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads report files (PDF, DOCX, DOC, XLSX, XLS, HTML, TXT; folders are searched recursively)",
                "and writes one record per report to <out>/records.jsonl, records.csv, values.csv, items.csv and",
                "findings.csv, one line per unreadable file to <out>/errors.jsonl, and the run's tallies to",
                "<out>/summary.json. Each file is read in a worker process; records are written as they finish.",
                "Exit status: 0 when at least one file could be read (or all were already done), 1 when none",
                "could, 2 on usage errors."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file or folder>", description = "Report files or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, defaultValue = "out", paramLabel = "<dir>",
            description = "Folder to write the outputs into (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "<n>",
            description = "Files read at once, each by its own worker process (default: the number of cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--resume",
            description = "Add to the outputs already in <out>: skip files whose path and content (sha256) are there, "
                    + "read new and changed files, and repair what an interrupted run left half-written.")
    boolean resume;

    @Option(names = "--retry-errors", description = "With --resume: read again the files listed in errors.jsonl.")
    boolean retryErrors;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "<seconds>",
            description = "Time one file may take; after it the file's worker is killed and the file is listed in "
                    + "errors.jsonl with reason timeout (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--max-size", defaultValue = "200", paramLabel = "<MB>",
            description = "Files larger than this are not read (reason too-large; default: ${DEFAULT-VALUE}).")
    long maxSize;

    @Option(names = "--worker-heap", defaultValue = "1g", paramLabel = "<size>",
            description = "Maximum heap of each worker JVM, as for java -Xmx; a file that needs more is listed with "
                    + "reason out-of-memory and the run goes on (default: ${DEFAULT-VALUE}).")
    String workerHeap;

    @Option(names = "--worker-java-options", paramLabel = "<options>",
            description = "Further options for each worker JVM, separated by spaces (e.g. \"-XX:+UseParallelGC\").")
    String workerJavaOptions = "";

    @Option(names = "--stage", defaultValue = "full", paramLabel = "<stage>",
            description = "full: read, extract and check (default); parse: only read each file into the document "
                    + "model, writing a summary line per file (to measure reading alone).")
    String stage;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "<how>",
            description = "auto (a bar on a terminal, a line every --progress-every seconds otherwise), bar, lines "
                    + "or none (default: ${DEFAULT-VALUE}).")
    Progress.Mode progress;

    @Option(names = "--progress-every", defaultValue = "10", paramLabel = "<seconds>",
            description = "Seconds between progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
    long progressEvery;

    @Mixin
    GrammarsOption grammars;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!grammars.apply()) {
            return 2;
        }
        if (!stage.equals("full") && !stage.equals("parse")) {
            System.err.println("--stage must be full or parse, not " + stage);
            return 2;
        }
        if (!workerHeap.matches("[0-9]+[kKmMgG]?")) {
            System.err.println("--worker-heap must be a size such as 1g or 768m, not " + workerHeap);
            return 2;
        }
        if (threads < 1 || timeout < 1 || maxSize < 1) {
            System.err.println("--threads, --timeout and --max-size must be at least 1");
            return 2;
        }
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                System.err.println(in + ": no such file or folder");
                return 2;
            }
        }
        List<Path> files = InputFiles.expand(inputs);
        Batch.Options options = new Batch.Options(threads, Duration.ofSeconds(timeout), maxSize * 1024 * 1024, stage,
                resume, retryErrors, workerHeap, progress, progressEvery,
                workerJavaOptions.isBlank() ? List.of() : List.of(workerJavaOptions.trim().split("\\s+")));
        Batch.Summary summary;
        try {
            summary = new Batch(options, System.err).run(files, out);
        } catch (IOException e) {
            System.err.println("extract: " + e.getMessage());
            return 1;
        }
        System.err.println(summary.line(out));
        boolean nothingRead = summary.records() == 0 && summary.files() > summary.skipped();
        return nothingRead ? 1 : 0;
    }
}
