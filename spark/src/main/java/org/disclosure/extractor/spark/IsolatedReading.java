package org.disclosure.extractor.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.batch.IsolatedWorker;

/**
 * Files read each in a worker process of the tool's own (the CLI's worker), for a task whose earlier attempt lost
 * its executor: one of its files may kill the JVM that reads it, and in a worker only that file is lost, recorded
 * with reason out-of-memory or worker-crashed, while the task goes on with the others.
 */
final class IsolatedReading implements AutoCloseable {

    /** A file's record line, or its error. */
    record Result(String json, String reason, String message) {
    }

    private final Path log;
    private final IsolatedWorker worker;

    IsolatedReading(ExecutorPipeline.Settings settings, Duration timeout, String heap) {
        try {
            log = Files.createTempFile("disclosure-worker-", ".log");
            worker = new IsolatedWorker(classPath(), settings.maxBytes(), settings.ocr(), timeout, heap, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process: " + e.getMessage(), e);
        }
    }

    Result read(Path file, String label, String sha256) {
        try {
            IsolatedWorker.Result r = worker.read(file, label, sha256);
            return new Result(r.json(), r.reason(), r.message());
        } catch (IOException e) {
            return new Result(null, "worker-crashed", label + ": no worker process could read it (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the task was stopped while reading " + label, e);
        }
    }

    /**
     * Where the worker finds the tool: the jar (or folder) the pipeline's classes came from — on a cluster the job's
     * jar, which holds every library — then this JVM's own class path.
     */
    static String classPath() {
        try {
            String own = Path.of(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return own + File.pathSeparator + System.getProperty("java.class.path");
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    @Override
    public void close() {
        try {
            worker.close();
        } catch (IOException e) {
            // the worker's log could not be closed: nothing is lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                log.toFile().deleteOnExit();
            }
        }
    }
}
