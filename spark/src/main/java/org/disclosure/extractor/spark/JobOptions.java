package org.disclosure.extractor.spark;

import java.util.List;
import org.disclosure.extractor.ingest.DocumentReader;
import org.disclosure.extractor.ingest.ocr.OcrOptions;

/**
 * What a job reads and how, as {@code spark-submit … disclosure-extractor-spark.jar} is told.
 *
 * @param inputs         paths, folders or globs on any Hadoop file system
 * @param lists          files naming one input per line
 * @param output         the output folder (any Hadoop file system)
 * @param jsonl          also write JSON Lines (jsonl/): the CLI's record lines and the tables' rows
 * @param resume         skip the files an earlier job into the same output read with the same sha256
 * @param retryErrors    with resume: read again the files that ended in errors
 * @param overwrite      replace the outputs of an earlier job
 * @param timeoutSeconds time one file may take
 * @param maxBytes       files larger than this are refused (too-large)
 * @param ocr            when and how pages without a text layer are read by OCR
 * @param filesPerTask   files one task reads (0: chosen from the number of files and the cluster's cores)
 * @param chunkFiles     files read before their results are written to files/ (what a stopped job keeps)
 * @param isolate        read every file in a worker process of its own, as the CLI does (otherwise only the files
 *                       of a task whose earlier attempt lost its executor)
 * @param workerHeap     the -Xmx of such a worker
 */
public record JobOptions(List<String> inputs, List<String> lists, String output, boolean jsonl, boolean resume,
                         boolean retryErrors, boolean overwrite, long timeoutSeconds, long maxBytes, OcrOptions ocr,
                         int filesPerTask, int chunkFiles, boolean isolate, String workerHeap) {

    public static final long DEFAULT_TIMEOUT_SECONDS = 120;
    public static final int DEFAULT_CHUNK_FILES = 20_000;
    /** As the CLI's default --worker-heap. */
    public static final String DEFAULT_WORKER_HEAP = "1g";

    public JobOptions {
        inputs = List.copyOf(inputs);
        lists = List.copyOf(lists);
    }

    /** Options as by default for the inputs and output given. */
    public static JobOptions of(List<String> inputs, String output) {
        return new JobOptions(inputs, List.of(), output, false, false, false, false, DEFAULT_TIMEOUT_SECONDS,
                DocumentReader.DEFAULT_MAX_BYTES, OcrOptions.DEFAULT, 0, DEFAULT_CHUNK_FILES, false, DEFAULT_WORKER_HEAP);
    }

    public JobOptions withJsonl(boolean jsonl) {
        return new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeoutSeconds, maxBytes, ocr,
                filesPerTask, chunkFiles, isolate, workerHeap);
    }

    public JobOptions withResume(boolean resume, boolean retryErrors) {
        return new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeoutSeconds, maxBytes, ocr,
                filesPerTask, chunkFiles, isolate, workerHeap);
    }

    public JobOptions withOverwrite(boolean overwrite) {
        return new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeoutSeconds, maxBytes, ocr,
                filesPerTask, chunkFiles, isolate, workerHeap);
    }

    public JobOptions withLimits(long timeoutSeconds, long maxBytes) {
        return new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeoutSeconds, maxBytes, ocr,
                filesPerTask, chunkFiles, isolate, workerHeap);
    }

    public JobOptions withIsolation(boolean isolate, String workerHeap) {
        return new JobOptions(inputs, lists, output, jsonl, resume, retryErrors, overwrite, timeoutSeconds, maxBytes, ocr,
                filesPerTask, chunkFiles, isolate, workerHeap);
    }
}
