package org.disclosure.extractor.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.disclosure.extractor.ingest.ocr.OcrOptions;

/**
 * A worker process that reads files one at a time for a caller outside a run of {@link Batch} (the Spark job, when
 * it reads again the files of a task whose executor died): a file that takes too long, or kills the worker's JVM,
 * ends in an error with the reason a run gives it (timeout, out-of-memory, worker-crashed), and the next file gets
 * a fresh worker. Used by one thread at a time.
 */
public final class IsolatedWorker implements AutoCloseable {

    /** What became of a file: its line of records.jsonl ({@code json}), or an error (reason and message). */
    public record Result(String file, String sha256, String reason, String message, String json) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String classPath;
    private final Batch.Options options;
    private final WorkerLog log;
    private WorkerProcess worker;
    private long nextId;

    /**
     * @param classPath where the worker finds the tool's classes and libraries
     * @param heap      the worker's -Xmx (as --worker-heap: 1g, 1500m)
     * @param log       the file its stderr goes to (bounded as a run's workers.log)
     */
    public IsolatedWorker(String classPath, long maxBytes, OcrOptions ocr, Duration timeout, String heap, Path log) throws IOException {
        this.classPath = classPath;
        this.options = new Batch.Options(1, timeout, maxBytes, "full", false, false, heap, Progress.Mode.NONE, 0,
                List.of(), ocr);
        this.log = new WorkerLog(log, WorkerLog.DEFAULT_PER_FILE, WorkerLog.DEFAULT_PER_RUN);
    }

    /** Reads one file in the worker (started first when there is none). */
    public Result read(Path file, String label, String sha256) throws IOException, InterruptedException {
        if (worker == null) {
            worker = WorkerProcess.launch(Batch.workerCommand(options, classPath), log);
            worker.awaitReady(START_TIMEOUT);
        }
        Messages.Job job = new Messages.Job(nextId++, file.toString(), label, sha256);
        WorkerProcess.Result result = worker.run(job, options.timeout());
        Messages.Reply reply;
        if (result instanceof WorkerProcess.Answered a) {
            reply = a.reply();
        } else {
            worker = null; // killed for its time, or dead: the next file gets a new one
            reply = Batch.failure(job, result, options);
        }
        return new Result(reply.file(), reply.sha256(), reply.reason(), reply.message(),
                reply.record() == null ? null : reply.record().json());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (worker != null) {
                worker.close();
            }
        } finally {
            log.close();
        }
    }
}
