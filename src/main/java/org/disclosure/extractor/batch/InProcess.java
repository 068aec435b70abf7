package org.disclosure.extractor.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import javax.management.JMException;
import javax.management.ObjectName;
import org.disclosure.extractor.Pipeline;

/**
 * A run of one file, read in the run's own process rather than in a worker JVM, which would take longer to
 * start than most files take to read. The same limits hold: the file is read on a thread of its own and
 * abandoned after the time limit ({@code timeout}), running out of memory ends it as {@code out-of-memory},
 * and what the libraries print meanwhile goes to the bounded workers.log, not the terminal.
 */
final class InProcess {

    private InProcess() {
    }

    /**
     * Has this JVM compile with C1 alone while the file is read, as workers do when every core is busy:
     * reading one report runs through so much code that C2 compiles for longer than the file takes to read
     * (a 20-page report: 3.2 s of CPU with C2, 1.5 s without). Returns whether it could.
     */
    private static boolean c1Only() {
        try {
            Path directive = Files.createTempFile("disclosure-c1-", ".json");
            try {
                Files.writeString(directive, "[{ match: \"*.*\", c2: { Exclude: true } }]");
                return diagnosticCommand("compilerDirectivesAdd", directive.toString());
            } finally {
                Files.deleteIfExists(directive);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean diagnosticCommand(String name, String... args) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    name, new Object[] {args}, new String[] {String[].class.getName()});
            return true;
        } catch (JMException | RuntimeException e) {
            return false; // another JVM: it compiles as it will
        }
    }

    /** Reads the job's file and hands what became of it to the sink; nothing, when the run is stopped meanwhile. */
    static void read(Messages.Job job, Batch.Options options, Batch.Sink sink, WorkerLog log, Stop stop)
            throws IOException, InterruptedException {
        Messages.Job j = job.withSha256(job.sha256() != null ? job.sha256() : Batch.hashOrNull(Path.of(job.file())));
        WorkerLog.Source source = log.source();
        source.begin(j.label());
        PrintStream quiet = new PrintStream(source, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        PrintStream out = System.out;
        Logger root = Logger.getLogger("");
        Handler[] handlers = root.getHandlers();
        Handler toLog = new StreamHandler(quiet, new SimpleFormatter());
        CompletableFuture<Messages.Reply> answer = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                answer.complete(Worker.answer(new Pipeline(options.maxBytes(), options.ocr()), options.stage(), j));
            } catch (OutOfMemoryError e) {
                answer.complete(Batch.failure(j, new WorkerProcess.Died(WorkerProcess.OUT_OF_MEMORY_EXIT), options));
            } catch (Throwable e) {
                e.printStackTrace();
                answer.complete(Messages.Reply.error(j.id(), j.label(), j.sha256(), "internal-error",
                        j.label() + ": reading it failed (" + e.getClass().getSimpleName() + "; see workers.log); please report this file"));
            }
        }, "read-one-file");
        reader.setDaemon(true);
        Messages.Reply reply;
        boolean c1 = c1Only();
        System.setErr(quiet);
        System.setOut(quiet);
        for (Handler h : handlers) {
            root.removeHandler(h);
        }
        root.addHandler(toLog);
        try {
            reader.start();
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (true) {
                if (stop.requested()) {
                    return; // not done: --resume reads it
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    reader.interrupt();
                    reply = Batch.failure(j, new WorkerProcess.TimedOut(), options);
                    break;
                }
                try {
                    reply = answer.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    // look again
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e); // never: the reader completes normally
                }
            }
        } finally {
            if (c1) {
                diagnosticCommand("compilerDirectivesRemove");
            }
            toLog.flush();
            root.removeHandler(toLog);
            for (Handler h : handlers) {
                root.addHandler(h);
            }
            System.setErr(err);
            System.setOut(out);
            source.end();
        }
        sink.accept(reply);
    }
}
