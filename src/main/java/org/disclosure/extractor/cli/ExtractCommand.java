package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.output.RecordWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `extract`: reads reports and writes one record per report. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Reads report files (PDF, DOCX, DOC, XLSX, XLS, HTML, TXT; folders are searched recursively)",
                "and writes one record per report to <out>/records.jsonl, records.csv and values.csv,",
                "and one line per unreadable file to <out>/errors.jsonl.",
                "Exit status: 0 when at least one file could be read, 1 when none could, 2 on usage errors."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file or folder>", description = "Report files or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, defaultValue = "out", paramLabel = "<dir>",
            description = "Folder to write the outputs into (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-t", "--threads"}, paramLabel = "<n>",
            description = "Files read at once (default: the number of cores, ${DEFAULT-VALUE} when unknown).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--grammars", paramLabel = "<dir>",
            description = "Read grammars from this folder instead of those built into the program "
                    + "(to try an edited grammar without rebuilding).")
    Path grammars;

    @Override
    public Integer call() throws IOException, InterruptedException {
        long started = System.nanoTime();
        if (grammars != null) {
            if (!Files.isDirectory(grammars)) {
                System.err.println(grammars + ": no such grammars folder");
                return 2;
            }
            System.setProperty(GrammarFiles.PROPERTY, grammars.toString());
        }
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                System.err.println(in + ": no such file or folder");
                return 2;
            }
        }
        List<Path> files = InputFiles.expand(inputs);
        Pipeline pipeline = new Pipeline();
        int records = 0;
        int errors = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (RecordWriters writers = new RecordWriters(out)) {
            CompletionService<Pipeline.Outcome> done = new ExecutorCompletionService<>(pool);
            for (Path file : files) {
                done.submit(() -> pipeline.process(file, file.toString()));
            }
            for (int i = 0; i < files.size(); i++) {
                Pipeline.Outcome outcome = take(done);
                if (outcome instanceof Pipeline.Extracted e) {
                    writers.write(e.record());
                    records++;
                } else if (outcome instanceof Pipeline.Failed f) {
                    writers.writeError(f.file(), f.sha256(), f.reason(), f.message());
                    System.err.println(f.message());
                    errors++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("extract: %d files, %d records, %d errors, %.1f s -> %s%n",
                files.size(), records, errors, seconds, out);
        return records == 0 && !files.isEmpty() ? 1 : 0;
    }

    private static Pipeline.Outcome take(CompletionService<Pipeline.Outcome> done) throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed outside the pipeline's own error handling", e.getCause());
        }
    }
}
