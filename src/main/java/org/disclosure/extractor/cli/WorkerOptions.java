package org.disclosure.extractor.cli;

import java.time.Duration;
import java.util.List;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.Progress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How files are read, shared by the commands that read many ({@code extract}, {@code check}, {@code serve}):
 * workers at once, the time and size a file may take, each worker's memory, when pages are read by OCR.
 */
final class WorkerOptions {

    @Option(names = {"-t", "--threads"}, paramLabel = "<n>",
            description = "Files read at once, each by its own worker process (default: the number of cores, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "<seconds>",
            description = "Time one file may take; after it the file is abandoned and listed with reason timeout "
                    + "(default: ${DEFAULT-VALUE}).")
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

    @Mixin
    OcrOption ocr = new OcrOption();

    /** The first thing wrong with the values given, as a message naming the option, or null when all are fine. */
    String problem() {
        if (!workerHeap.matches("[0-9]+[kKmMgG]?")) {
            return "--worker-heap must be a size such as 1g or 768m, not '" + workerHeap + "'";
        }
        if (threads < 1) {
            return "--threads must be at least 1, not " + threads;
        }
        if (timeout < 1) {
            return "--timeout must be at least 1 second, not " + timeout;
        }
        if (maxSize < 1) {
            return "--max-size must be at least 1 MB, not " + maxSize;
        }
        return ocr.problem();
    }

    /** A batch's options with these settings. */
    Batch.Options batch(String stage, boolean resume, boolean retryErrors, Progress.Mode progress, long progressEvery) {
        return new Batch.Options(threads, Duration.ofSeconds(timeout), maxSize * 1024 * 1024, stage,
                resume, retryErrors, workerHeap, progress, progressEvery,
                workerJavaOptions.isBlank() ? List.of() : List.of(workerJavaOptions.trim().split("\\s+")), ocr.options());
    }
}
