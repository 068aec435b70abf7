package org.disclosure.extractor.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.output.RecordWriters;

/**
 * The task that reads a partition's files inside an executor, each through the executor's {@link Pipeline} within
 * the timeout, and gives one ledger row per file: its record (as the CLI's records.jsonl line) or its error. A file
 * on a remote file system is copied to a local temporary file first (hashed as it is copied). Nothing a file does
 * fails the task: a parser error is the file's error, and a file that takes too long is abandoned with reason
 * timeout. When the task runs again after its executor died (an earlier attempt), the files are read in worker
 * processes of their own ({@link IsolatedReading}), so that the one that killed the JVM is recorded as an error
 * and the others are read.
 */
final class ReadFiles implements FlatMapFunction<Iterator<InputFile>, Row> {

    private final ExecutorPipeline.Settings settings;
    private final long timeoutSeconds;
    private final HadoopSettings hadoop;
    private final boolean isolate;
    private final String workerHeap;

    ReadFiles(ExecutorPipeline.Settings settings, long timeoutSeconds, HadoopSettings hadoop, boolean isolate, String workerHeap) {
        this.settings = settings;
        this.timeoutSeconds = timeoutSeconds;
        this.hadoop = hadoop;
        this.isolate = isolate;
        this.workerHeap = workerHeap;
    }

    /**
     * Whether a task reads its files in worker processes: when asked to, and when an earlier attempt of the task
     * failed — most likely because a file killed its executor's JVM (ran it out of memory), which would kill the
     * next attempt's executor too if read in it.
     */
    static boolean isolated(int attempt, boolean isolate) {
        return isolate || attempt > 0;
    }

    @Override
    public Iterator<Row> call(Iterator<InputFile> files) {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        Configuration conf = hadoop.configuration();
        List<Row> rows = new ArrayList<>();
        try (IsolatedReading isolated = isolated(attempt, isolate)
                ? new IsolatedReading(settings, Duration.ofSeconds(timeoutSeconds), workerHeap) : null) {
            while (files.hasNext()) {
                rows.add(read(files.next(), conf, attempt, isolated));
            }
        }
        return rows.iterator();
    }

    private Row read(InputFile f, Configuration conf, int attempt, IsolatedReading isolated) {
        long start = System.nanoTime();
        LocalCopy copy;
        try {
            copy = LocalCopy.of(f, conf);
        } catch (IOException e) {
            return Ledger.error(f, null, "unreadable-file", f.label() + ": cannot be read (" + e.getMessage() + ")",
                    seconds(start), attempt);
        }
        try {
            if (copy.sha256().equals(f.doneSha256())) {
                return Ledger.skipped(f, copy.sha256(), attempt);
            }
            if (isolated != null) {
                IsolatedReading.Result r = isolated.read(copy.file(), f.label(), copy.sha256());
                return r.json() != null
                        ? Ledger.record(f, copy.sha256(), r.reason(), r.json(), seconds(start), attempt)
                        : Ledger.error(f, copy.sha256(), r.reason(), r.message(), seconds(start), attempt);
            }
            return inProcess(f, copy, start, attempt);
        } finally {
            copy.close();
        }
    }

    private Row inProcess(InputFile f, LocalCopy copy, long start, int attempt) {
        Pipeline pipeline = ExecutorPipeline.of(settings);
        Future<Pipeline.Outcome> reading = ExecutorPipeline.READERS.submit(() -> pipeline.process(copy.file(), f.label(), copy.sha256()));
        Pipeline.Outcome outcome;
        try {
            outcome = reading.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Ledger.error(f, copy.sha256(), "timeout", f.label() + ": abandoned after " + timeoutSeconds
                    + " s (the file may be malformed or very large; --timeout gives files longer)", seconds(start), attempt);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the task was stopped while reading " + f.label(), e);
        } catch (ExecutionException e) {
            return Ledger.error(f, copy.sha256(), "internal-error", f.label() + ": extraction failed (" + e.getCause()
                    + "); please report this file", seconds(start), attempt);
        }
        if (outcome instanceof Pipeline.Extracted x) {
            try {
                RecordWriters.Rendered r = RecordWriters.render(x.record());
                return Ledger.record(f, copy.sha256(), r.reason(), r.json(), seconds(start), attempt);
            } catch (IOException e) {
                return Ledger.error(f, copy.sha256(), "internal-error", f.label() + ": its record could not be written ("
                        + e.getMessage() + "); please report this file", seconds(start), attempt);
            }
        }
        Pipeline.Failed failed = (Pipeline.Failed) outcome;
        return Ledger.error(f, copy.sha256(), failed.reason(), failed.message(), seconds(start), attempt);
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    /** A file as the pipeline reads it: the file itself when local, else a temporary copy; with its sha256. */
    record LocalCopy(Path file, String sha256, boolean temporary) {

        static LocalCopy of(InputFile f, Configuration conf) throws IOException {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(f.uri());
            if ("file".equals(path.toUri().getScheme())) {
                Path local = Path.of(path.toUri());
                return new LocalCopy(local, Pipeline.sha256(local), false);
            }
            String name = path.getName();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^.A-Za-z0-9]", "") : "";
            Path temp = Files.createTempFile("disclosure-", ext);
            try (InputStream raw = path.getFileSystem(conf).open(path);
                 DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"));
                 OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
                return new LocalCopy(temp, HexFormat.of().formatHex(in.getMessageDigest().digest()), true);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e instanceof IOException io ? io : new IOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() {
            if (temporary) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
