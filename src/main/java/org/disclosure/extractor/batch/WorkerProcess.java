package org.disclosure.extractor.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.disclosure.extractor.output.JsonRecords;

/**
 * One worker JVM as the run sees it: jobs go in on its stdin, replies come back on its stdout, and a job
 * that takes too long is stopped by killing the process, which is the only way to stop a parser that
 * loops. Used by one thread at a time.
 */
final class WorkerProcess implements AutoCloseable {

    /** What became of a job sent to the worker. */
    sealed interface Result permits Answered, TimedOut, Died {
    }

    record Answered(Messages.Reply reply) implements Result {
    }

    record TimedOut() implements Result {
    }

    /** The process ended without answering: {@code exitCode} 3 means it ran out of memory. */
    record Died(int exitCode) implements Result {
    }

    /** Exit status of a JVM run with -XX:+ExitOnOutOfMemoryError that ran out of memory. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private static final Object END = new Object();

    private final Process process;
    private final Writer stdin;
    private final WorkerLog.Source log;
    private final BlockingQueue<Object> replies = new LinkedBlockingQueue<>();

    private WorkerProcess(Process process, WorkerLog.Source log) {
        this.process = process;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "worker-" + process.pid() + "-replies");
        reader.setDaemon(true);
        reader.start();
        log.pump(process.getErrorStream(), "worker-" + process.pid() + "-stderr");
    }

    /** Starts a worker; its stderr goes into the run's bounded workers.log. */
    static WorkerProcess launch(List<String> command, WorkerLog log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (System.getProperty("os.name").startsWith("Linux") && !"UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            pb.environment().put("LC_ALL", "C.UTF-8"); // or the worker could not open files with Chinese names
        }
        return new WorkerProcess(pb.start(), log.source());
    }

    /** Waits until the worker is ready for jobs (its libraries loaded); kills it if it is not. */
    void awaitReady(Duration startTimeout) throws IOException, InterruptedException {
        Object first = replies.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first instanceof Messages.Reply r && r.ready()) {
            return;
        }
        kill();
        throw new IOException(first == null
                ? "a worker process did not start within " + startTimeout.toSeconds() + " s (see workers.log)"
                : "a worker process ended while starting, with exit status " + process.exitValue() + " (see workers.log)");
    }

    /** The worker's process. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Sends a job and waits for its reply, at most {@code timeout}; the process is killed when time runs out. */
    Result run(Messages.Job job, Duration timeout) throws InterruptedException {
        log.begin(job.label());
        try {
            return send(job, timeout);
        } finally {
            log.end();
        }
    }

    private Result send(Messages.Job job, Duration timeout) throws InterruptedException {
        try {
            stdin.write(JsonRecords.MAPPER.writeValueAsString(job));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            return died();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Object o = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
            if (o == null) {
                kill();
                return new TimedOut();
            }
            if (o == END) {
                return died();
            }
            if (o instanceof Messages.Reply r && r.id() == job.id()) {
                return new Answered(r);
            }
        }
    }

    private Died died() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
        return new Died(process.exitValue());
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (Messages.Reply r; (r = Messages.read(out)) != null; ) {
                replies.add(r);
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            replies.add(END);
        }
    }

    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Lets the worker finish: it ends when its stdin closes. */
    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
