package org.disclosure.extractor.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;

/**
 * The pipeline of this executor JVM: built once (its grammars and dictionaries loaded) and shared by the task
 * threads, as one {@link Pipeline} serves many files and threads. Files are read on threads of their own, so
 * that a task can give up on a file that takes too long.
 */
final class ExecutorPipeline {

    private static final Map<Settings, Pipeline> PIPELINES = new ConcurrentHashMap<>();
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Threads that read files; a file abandoned for its timeout keeps its thread until its parser gives up. */
    static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "disclosure-reader-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** What a pipeline is built with (in a form that travels to the executors). */
    record Settings(long maxBytes, OcrMode ocrMode, String tesseract, String language, int dpi) implements java.io.Serializable {

        static Settings of(long maxBytes, OcrOptions ocr) {
            return new Settings(maxBytes, ocr.mode(), ocr.command(), ocr.language(), ocr.dpi());
        }

        OcrOptions ocr() {
            return new OcrOptions(ocrMode, tesseract, language, dpi);
        }
    }

    private ExecutorPipeline() {
    }

    static Pipeline of(Settings settings) {
        LibraryLogs.quiet();
        return PIPELINES.computeIfAbsent(settings, s -> new Pipeline(s.maxBytes(), s.ocr()));
    }
}
