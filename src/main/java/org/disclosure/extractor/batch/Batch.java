package org.disclosure.extractor.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.disclosure.extractor.output.OutputFolder;
import org.disclosure.extractor.output.RecordWriters;

/**
 * An extract run over many files: each file read in a worker process of its own JVM (as many at once as
 * there are workers), its record appended to the outputs as soon as it is done, a file that takes longer
 * than the time limit stopped by killing its worker, a worker that runs out of memory replaced, and a
 * run that was stopped resumable from the files it finished.
 */
public final class Batch {

    /**
     * How a run goes.
     *
     * @param workers       files read at once, each in its own worker process
     * @param timeout       time a file may take before it is abandoned
     * @param maxBytes      files larger than this are not read
     * @param stage         {@code full} (read, extract, check) or {@code parse} (read only, for benchmarks)
     * @param resume        skip files already in the output folder with the same content; add to it
     * @param retryErrors   with resume: read again the files that ended in errors.jsonl
     * @param workerHeap    maximum heap of each worker JVM (-Xmx), e.g. 1g
     * @param progress      how progress is shown
     * @param progressEvery seconds between progress lines when not on a terminal
     * @param workerJavaOptions further options for each worker JVM
     * @param ocr           when and how pages without a text layer are read by OCR (in the workers)
     */
    public record Options(int workers, Duration timeout, long maxBytes, String stage, boolean resume,
                          boolean retryErrors, String workerHeap, Progress.Mode progress, long progressEvery,
                          List<String> workerJavaOptions, OcrOptions ocr) {

        /** Options reading with OCR as by default ({@code --ocr auto}). */
        public Options(int workers, Duration timeout, long maxBytes, String stage, boolean resume,
                       boolean retryErrors, String workerHeap, Progress.Mode progress, long progressEvery,
                       List<String> workerJavaOptions) {
            this(workers, timeout, maxBytes, stage, resume, retryErrors, workerHeap, progress, progressEvery,
                    workerJavaOptions, OcrOptions.DEFAULT);
        }

        public Options {
            ocr = ocr == null ? OcrOptions.DEFAULT : ocr;
        }

        /** The same options with {@code resume} as given. */
        public Options withResume(boolean resume) {
            return new Options(workers, timeout, maxBytes, stage, resume, retryErrors, workerHeap, progress,
                    progressEvery, workerJavaOptions, ocr);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Options options;
    private final PrintStream err;
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private volatile Stop stop;
    private volatile boolean service;
    private volatile boolean cancelled;

    /** Refused: the folder's lock is held by another run (or the folder holds results not to be replaced). */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    public Batch(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /**
     * This batch runs inside a long-lived service (the web page): it catches no signal (the service's Ctrl-C stays
     * the service's), is stopped by {@link #cancel()}, and reads even a single file in a worker, so that a file
     * that never ends is abandoned with its worker rather than left running in the service's JVM.
     */
    public Batch inService() {
        this.service = true;
        return this;
    }

    /** Stops the run as Ctrl-C would: no more files handed out, workers killed, outputs closed whole. */
    public void cancel() {
        cancelled = true;
        Stop s = stop;
        if (s != null) {
            s.request("cancel", 0);
        }
    }

    /**
     * Runs over the files, writing into {@code out}.
     *
     * @throws IOException when the outputs cannot be written or no worker process can be started
     */
    public RunSummary run(List<Path> files, Path out) throws IOException, InterruptedException {
        return run(files, List.of(), out);
    }

    /**
     * Runs over the files, and lists the inputs refused before reading (by {@link InputFiles}) in errors.jsonl,
     * counted in the summary like any file that could not be read.
     */
    public RunSummary run(List<Path> files, List<InputFiles.Rejected> rejected, Path out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        LibraryLogging.route();
        Files.createDirectories(out);
        try (Stop stop = service ? Stop.onRequest(this::killAll) : Stop.install(this::killAll);
             RunLock lock = RunLock.take(out, err)) {
            this.stop = stop;
            if (cancelled) {
                stop.request("cancel", 0);
            }
            return runLocked(files, rejected, out, started);
        }
    }

    private RunSummary runLocked(List<Path> files, List<InputFiles.Rejected> rejected, Path out, long started) throws IOException, InterruptedException {
        OcrMode earlier = options.resume() ? RunSummary.ocrModeOf(out) : null;
        if (earlier != null && earlier != options.ocr().mode()) {
            // records read with and without OCR would sit side by side, and nothing would tell them apart
            throw new Refused(out + ": its records were read with --ocr " + earlier.cliName() + "; resume with --ocr "
                    + earlier.cliName() + ", or use --overwrite to read every file again with --ocr " + options.ocr().mode().cliName());
        }
        Map<String, String> hashes = new HashMap<>(); // of each file, when resume has hashed it already
        List<Path> todo = options.resume() ? unfinished(files, rejected, out, hashes) : files;
        Counts counts = new Counts();
        counts.ocr = OcrTally.none(options.ocr().mode());
        ConcurrentLinkedQueue<Messages.Job> jobs = new ConcurrentLinkedQueue<>();
        long id = 0;
        Path links = null;
        for (Path f : todo) {
            String name = f.toString();
            if (!Files.exists(Path.of(name)) && Files.exists(f)) {
                // a name in another encoding (GBK names unpacked from a Windows zip): its string form names no
                // file, so the worker is given a link to it under a name it can open
                links = links == null ? Files.createTempDirectory("disclosure-links") : links;
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                name = Files.createSymbolicLink(links.resolve(id + ext.replaceAll("[^.A-Za-z0-9]", "")), f.toAbsolutePath()).toString();
            }
            jobs.add(new Messages.Job(id++, name, f.toString(), hashes.get(f.toString())));
        }
        AtomicReference<IOException> fatal = new AtomicReference<>();
        try (WorkerLog log = new WorkerLog(out.resolve("workers.log"), WorkerLog.DEFAULT_PER_FILE, WorkerLog.DEFAULT_PER_RUN);
             RecordWriters writers = new RecordWriters(out, options.resume());
             Progress progress = new Progress(err, options.progress(), todo.size(), options.progressEvery())) {
            Sink sink = new Sink(writers, progress, counts);
            for (InputFiles.Rejected r : rejected) {
                sink.reject(r);
            }
            if (jobs.size() == 1 && !stop.requested() && !service) {
                InProcess.read(jobs.poll(), options, sink, log, stop);
            }
            List<Thread> slots = new ArrayList<>();
            int n = Math.max(1, Math.min(options.workers(), jobs.size()));
            for (int i = 0; i < n && !jobs.isEmpty(); i++) {
                Thread t = new Thread(() -> slot(jobs, sink, log, fatal), "slot-" + i);
                t.start();
                slots.add(t);
            }
            for (Thread t : slots) {
                t.join();
            }
        } finally {
            killAll();
            deleteLinks(links);
        }
        if (fatal.get() != null && !stop.requested()) {
            throw fatal.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        RunSummary summary = new RunSummary(files.size() + rejected.size(), files.size() - todo.size(), counts.records,
                new TreeMap<>(counts.empty), counts.errors, new TreeMap<>(counts.errorsByReason), seconds, stop.signal(), counts.ocr);
        summary.write(out);
        return summary;
    }

    /** The files not yet done (each file hashed into {@code hashes}): the folder's outputs are made whole, and stale entries dropped. */
    private List<Path> unfinished(List<Path> files, List<InputFiles.Rejected> rejected, Path out,
                                  Map<String, String> hashes) throws IOException {
        for (Path f : files) {
            if (stop.requested()) {
                return files; // stopped while hashing: nothing is read, the folder stays as it was
            }
            hashes.put(f.toString(), hashOrNull(f));
        }
        Set<String> refused = new HashSet<>();
        rejected.forEach(r -> refused.add(r.path().toString()));
        Set<String> finished = new HashSet<>();
        OutputFolder.retain(out, d -> {
            if (refused.contains(d.file())) {
                return false; // refused again now, and listed again
            }
            if (!hashes.containsKey(d.file())) {
                return true; // from another folder of an earlier run: not ours to drop
            }
            boolean same = Objects.equals(d.sha256(), hashes.get(d.file())) && d.sha256() != null;
            boolean keep = same && !(d.error() && options.retryErrors()) && finished.add(d.file());
            return keep;
        });
        List<Path> todo = new ArrayList<>();
        for (Path f : files) {
            if (!finished.contains(f.toString())) {
                todo.add(f);
            }
        }
        return todo;
    }

    static String hashOrNull(Path f) {
        try {
            return Pipeline.sha256(f);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One worker's loop: start it when needed, hand it files one by one, replace it when it is killed or dies. */
    private void slot(ConcurrentLinkedQueue<Messages.Job> jobs, Sink sink, WorkerLog log, AtomicReference<IOException> fatal) {
        WorkerProcess worker = null;
        int failedStarts = 0;
        try {
            for (Messages.Job job; fatal.get() == null && !stop.requested() && (job = jobs.poll()) != null; ) {
                if (worker == null) {
                    try {
                        worker = WorkerProcess.launch(command(), log);
                        live.add(worker);
                        if (stop.requested()) {
                            break; // the stop may have come before it was among the live workers
                        }
                        worker.awaitReady(START_TIMEOUT);
                        failedStarts = 0;
                    } catch (IOException e) {
                        if (worker != null) {
                            live.remove(worker);
                            worker = null;
                        }
                        jobs.add(job);
                        if (!stop.requested() && ++failedStarts >= 3) {
                            fatal.compareAndSet(null, e);
                            return;
                        }
                        continue;
                    }
                }
                // hashed here, not in the worker: with C2 and its SHA intrinsic this process hashes many times
                // faster than a worker limited to C1
                String sha = job.sha256() != null ? job.sha256() : hashOrNull(Path.of(job.file()));
                job = job.withSha256(sha);
                WorkerProcess.Result result = worker.run(job, options.timeout());
                if (result instanceof WorkerProcess.Answered a) {
                    sink.accept(a.reply());
                    continue;
                }
                live.remove(worker);
                worker = null;
                if (stoppedMeanwhile(result)) {
                    break; // killed by the stop: the file is not done, and --resume reads it
                }
                sink.accept(failure(job, result, options));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            fatal.compareAndSet(null, e);
        } finally {
            if (worker != null) {
                live.remove(worker);
                try {
                    if (stop.requested()) {
                        worker.kill();
                    } else {
                        worker.close();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * Whether the run is stopping. A worker that died of the same Ctrl-C as the run (a terminal signals the
     * whole group, before the worker could ignore it) may be seen before the run's own handler has run:
     * such a death is given a moment to turn out to be the stop.
     */
    private boolean stoppedMeanwhile(WorkerProcess.Result result) throws InterruptedException {
        if (result instanceof WorkerProcess.Died d && (d.exitCode() == 130 || d.exitCode() == 143)) {
            for (int i = 0; i < 40 && !stop.requested(); i++) {
                Thread.sleep(50);
            }
        }
        return stop.requested();
    }

    /** The error a file ends in when its worker did not answer. */
    static Messages.Reply failure(Messages.Job job, WorkerProcess.Result result, Options options) {
        if (result instanceof WorkerProcess.TimedOut) {
            return Messages.Reply.error(job.id(), job.label(), job.sha256(), "timeout",
                    job.label() + ": abandoned after " + options.timeout().toSeconds()
                            + " s (the file may be malformed or very large; --timeout gives files longer)");
        }
        int code = ((WorkerProcess.Died) result).exitCode();
        if (code == WorkerProcess.OUT_OF_MEMORY_EXIT) {
            return Messages.Reply.error(job.id(), job.label(), job.sha256(), "out-of-memory",
                    job.label() + ": ran out of memory while reading (the worker's heap is "
                            + options.workerHeap() + "; --worker-heap raises it)");
        }
        return Messages.Reply.error(job.id(), job.label(), job.sha256(), "worker-crashed",
                job.label() + ": the worker reading it ended abruptly (exit status " + code
                        + "; see workers.log); please report this file");
    }

    /** The command that starts a worker JVM with the settings this run needs. */
    List<String> command() {
        return workerCommand(options, System.getProperty("java.class.path"));
    }

    /** The command that starts a worker JVM with the settings given, finding its classes on {@code classPath}. */
    static List<String> workerCommand(Options options, String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions(options.workerHeap(), options.workers(), options.workerJavaOptions()));
        String grammars = System.getProperty(GrammarFiles.PROPERTY);
        if (grammars != null) {
            cmd.add("-D" + GrammarFiles.PROPERTY + "=" + grammars);
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Worker.class.getName());
        cmd.add(options.stage());
        cmd.add(Long.toString(options.maxBytes()));
        cmd.addAll(Worker.ocrArguments(options.ocr()));
        return cmd;
    }

    /**
     * JVM settings of a worker. Each worker reads one file at a time on one thread, so:
     * <ul>
     * <li>a single-threaded collector: with the default G1, the GC threads of every worker compete for
     * the same cores, and concurrent marking costs more than it saves on heaps this size;</li>
     * <li>when there are as many workers as cores, no C2 compiler: reading reports runs through so much
     * code (Tika, POI, PDFBox, HanLP, regular expressions) that C2 in each worker keeps a core busy
     * compiling for thousands of files — as much CPU as the reading itself — and with every core taken by
     * a worker that time comes out of the reading. With a spare core, C2 compiles on it for free.</li>
     * </ul>
     */
    static List<String> jvmOptions(String heap, int workers, List<String> extra) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        if (workers >= Runtime.getRuntime().availableProcessors()) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.addAll(extra);
        return options;
    }

    private static void deleteLinks(Path links) throws IOException {
        if (links != null) {
            try (var s = Files.list(links)) {
                for (Path l : s.toList()) {
                    Files.deleteIfExists(l);
                }
            }
            Files.deleteIfExists(links);
        }
    }

    /** Kills every worker: the run is stopping. */
    private void killAll() {
        for (WorkerProcess w : live) {
            try {
                w.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tallies of a run. */
    private static final class Counts {
        int records;
        int errors;
        final Map<String, Integer> empty = new HashMap<>();
        final Map<String, Integer> errorsByReason = new HashMap<>();
        OcrTally ocr;
    }

    /** Where replies go: the output files, the progress display and the tallies, one reply at a time. */
    final class Sink {
        private final RecordWriters writers;
        private final Progress progress;
        private final Counts counts;

        Sink(RecordWriters writers, Progress progress, Counts counts) {
            this.writers = writers;
            this.progress = progress;
            this.counts = counts;
        }

        synchronized void accept(Messages.Reply r) throws IOException {
            if (r.failed()) {
                writers.writeError(r.file(), r.sha256(), r.reason(), r.message());
                counts.errors++;
                counts.errorsByReason.merge(r.reason(), 1, Integer::sum);
                if (!progress.showsBar()) {
                    err.println(r.message());
                }
            } else {
                writers.write(r.record());
                counts.records++;
                OcrTally before = counts.ocr;
                counts.ocr = before.add(r.file(), OcrTally.reading(r.record().json()));
                progress.ocrPages(counts.ocr.pages() - before.pages());
                if (r.reason() != null) {
                    counts.empty.merge(reasonCode(r.reason()), 1, Integer::sum);
                }
            }
            progress.fileDone(r.failed());
        }

        /** An input refused before reading: a line in errors.jsonl (no hash: it is never opened), counted. */
        synchronized void reject(InputFiles.Rejected r) throws IOException {
            writers.writeError(r.path().toString(), null, r.reason(), r.message());
            counts.errors++;
            counts.errorsByReason.merge(r.reason(), 1, Integer::sum);
            err.println(r.message());
        }
    }

    /** "not-a-report: the file is …" → not-a-report: how summaries count the reasons of empty records. */
    public static String reasonCode(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }
}
