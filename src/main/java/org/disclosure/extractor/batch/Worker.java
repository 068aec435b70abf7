package org.disclosure.extractor.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordWriters;
import org.disclosure.extractor.text.OrganizationNames;

/**
 * A worker process of an extract run: reads jobs from stdin, one file at a time, and answers each on
 * stdout. It runs in a JVM of its own so that the run can stop a file that hangs (by killing the
 * process) and survive one that exhausts memory. Its standard output carries replies only: anything a
 * library prints goes to stderr. It ends with its run: when the run's process is gone (killed with
 * kill -9, say), a watchdog halts the worker within about a second, whatever file it is reading.
 */
public final class Worker {

    private Worker() {
    }

    /** Arguments: the stage (full or parse), the size limit in bytes, then OCR's (see {@link #ocrArguments}). */
    public static void main(String[] args) throws IOException {
        LibraryLogging.route();
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ignoreStopSignals();
        watchParent();
        String stage = args.length > 0 ? args[0] : "full";
        long maxBytes = args.length > 1 ? Long.parseLong(args[1]) : org.disclosure.extractor.ingest.DocumentReader.DEFAULT_MAX_BYTES;
        Pipeline pipeline = new Pipeline(maxBytes, ocrOptions(args, 2));
        if (stage.equals("full")) {
            OrganizationNames.find("某市财政局"); // loads the dictionaries now rather than in the first file's time
        }
        Writer out = new OutputStreamWriter(protocol, StandardCharsets.UTF_8);
        Messages.write(out, Messages.Reply.readyLine());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            Messages.Job job = JsonRecords.MAPPER.readValue(line, Messages.Job.class);
            Messages.write(out, answer(pipeline, stage, job));
        }
    }

    /** How a worker is told its run's OCR options: mode, program, model, resolution. */
    static List<String> ocrArguments(OcrOptions ocr) {
        return List.of(ocr.mode().cliName(), ocr.command(), ocr.language(), Integer.toString(ocr.dpi()));
    }

    /** The OCR options given as {@link #ocrArguments} from {@code args[from]} on (the defaults when absent). */
    static OcrOptions ocrOptions(String[] args, int from) {
        if (args.length < from + 4) {
            return OcrOptions.DEFAULT;
        }
        return new OcrOptions(OcrMode.parse(args[from]), args[from + 1], args[from + 2], Integer.parseInt(args[from + 3]));
    }

    /**
     * Ctrl-C on a terminal signals every process of the foreground group, the workers as well as the run,
     * and systemd or timeout(1) send SIGTERM to all of them: a worker that died of it would be taken by the
     * run for a worker that crashed on its file. The run stops its workers itself (and they end when it is
     * gone), so they leave these signals to it.
     */
    static void ignoreStopSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException e) {
                // no such signal here
            }
        }
    }

    /** Halts this JVM as soon as the process that started it (the run) is no longer alive. */
    static void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watchdog = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Runtime.getRuntime().halt(WORKER_ORPHANED_EXIT);
            }, "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        });
    }

    /** Exit status of a worker that stopped because its run was gone. */
    static final int WORKER_ORPHANED_EXIT = 4;

    static Messages.Reply answer(Pipeline pipeline, String stage, Messages.Job job) throws IOException {
        Path file = Path.of(job.file());
        Pipeline.Outcome outcome = stage.equals("parse")
                ? pipeline.parse(file, job.label(), job.sha256())
                : pipeline.process(file, job.label(), job.sha256());
        if (outcome instanceof Pipeline.Extracted e) {
            return Messages.Reply.of(job.id(), RecordWriters.render(e.record()));
        }
        if (outcome instanceof Pipeline.Parsed p) {
            var n = JsonRecords.MAPPER.createObjectNode();
            n.set("source", JsonRecords.MAPPER.valueToTree(p.source()));
            n.put("blocks", p.blocks());
            n.put("tables", p.tables());
            return Messages.Reply.of(job.id(), new RecordWriters.Rendered(p.source().file(), p.source().sha256(), null,
                    JsonRecords.MAPPER.writeValueAsString(n)));
        }
        Pipeline.Failed f = (Pipeline.Failed) outcome;
        return Messages.Reply.error(job.id(), f.file(), f.sha256(), f.reason(), f.message());
    }
}
