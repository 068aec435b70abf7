package org.disclosure.extractor.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.output.Headers;
import org.disclosure.extractor.output.RunOutputs;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.batch.RunSummary;

/**
 * Runs the batches of the web page, one after another, each through the same bulk machinery as {@code extract}:
 * worker processes, time and size limits, and a run folder ({@code out/}) with the same outputs. A batch's progress
 * is read from its outputs (lines of records.jsonl and errors.jsonl), so a reloaded page or a restarted server sees
 * it; a batch the server was stopped in the middle of goes on where it stopped when the server starts again.
 */
final class BatchRunner implements AutoCloseable {

    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batches");
        t.setDaemon(true);
        return t;
    });
    private final Batch.Options options;
    private final Map<Path, Batch> running = new ConcurrentHashMap<>();
    private final PrintStream log;

    BatchRunner(Batch.Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Queues the batch; its meta says "queued" until it runs, then "running", "done" or "failed". */
    synchronized void start(Path batch) throws IOException {
        ObjectNode meta = (ObjectNode) BatchStore.meta(batch);
        if (meta.has("started")) {
            return;
        }
        meta.put("started", System.currentTimeMillis());
        meta.put("state", "queued");
        BatchStore.writeMeta(batch, meta);
        queue.submit(() -> run(batch, false));
    }

    /** Queues again the batches a stopped server left queued or running (resuming what their runs finished). */
    void resumeUnfinished(List<Path> batches) throws IOException {
        for (Path b : batches) {
            String state = BatchStore.meta(b).path("state").asText();
            if (state.equals("queued") || state.equals("running")) {
                queue.submit(() -> run(b, true));
            }
        }
    }

    /** Stops a batch that is running (its outputs are closed whole); a queued one will not start. */
    void cancel(Path batch) {
        Batch b = running.get(batch);
        if (b != null) {
            b.cancel();
        }
    }

    private void run(Path batch, boolean resume) {
        try {
            ObjectNode meta = (ObjectNode) BatchStore.meta(batch);
            if (!Files.isDirectory(batch) || meta.path("state").asText().equals("cancelled")) {
                return;
            }
            meta.put("state", "running");
            BatchStore.writeMeta(batch, meta);
            Path out = batch.resolve("out");
            InputFiles.Selection selection = InputFiles.select(List.of(batch.resolve("input")),
                    new InputFiles.Rules(options.maxBytes(), false, out));
            Batch.Options o = options.withResume(resume && Files.exists(out.resolve("records.jsonl")));
            Batch b = new Batch(o, new PrintStream(OutputStream.nullOutputStream())).inService();
            running.put(batch, b);
            RunSummary summary;
            try {
                summary = b.run(selection.files(), selection.rejected(), out);
            } finally {
                running.remove(batch);
            }
            if (!Files.isDirectory(batch)) {
                return; // removed while it ran
            }
            if (options.stage().equals("full")) {
                RunOutputs.write(out, RunOutputs.formats(), Headers.BOTH); // records.csv, records.xlsx … to download
            }
            meta = (ObjectNode) BatchStore.meta(batch);
            meta.put("state", summary.stoppedBy() != null ? "cancelled" : "done");
            meta.put("seconds", summary.seconds());
            BatchStore.writeMeta(batch, meta);
        } catch (IOException | RuntimeException e) {
            log.println("serve: batch " + batch.getFileName() + " failed: " + e);
            try {
                if (Files.isDirectory(batch)) {
                    ObjectNode meta = (ObjectNode) BatchStore.meta(batch);
                    meta.put("state", "failed");
                    meta.put("message", "the batch could not be run: " + e.getMessage());
                    BatchStore.writeMeta(batch, meta);
                }
            } catch (IOException ignored) {
                // the batch folder is gone or unwritable; the log says what happened
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Files finished so far: the lines of the run's records.jsonl and errors.jsonl. */
    static long finished(Path batch) throws IOException {
        return lines(batch.resolve("out").resolve("records.jsonl")) + lines(batch.resolve("out").resolve("errors.jsonl"));
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    @Override
    public void close() {
        running.values().forEach(Batch::cancel);
        queue.shutdownNow();
    }
}
