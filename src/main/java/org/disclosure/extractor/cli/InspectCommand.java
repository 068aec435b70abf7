package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.DocumentReader;
import org.disclosure.extractor.ingest.UnreadableDocumentException;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.output.DocumentPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `inspect`: prints the document model of one file, the view to open when a value is missing. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Print how one file was read: its text and tables by page, or its section tree.",
        description = {"Prints how a file was read: its blocks in order with page numbers and offsets,",
                "headings marked, tables drawn as grids. Use it to see why a value was not found."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file>", description = "The report file.")
    Path file;

    @Option(names = "--raw", description = "Show the text as read, before CJK normalisation.")
    boolean raw;

    @Option(names = "--sections", description = "Show the section tree instead: each heading with its level, "
            + "canonical name (the key grammars are keyed on), scope and page.")
    boolean sections;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    OcrOption ocr;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "<seconds>",
            description = "Time the file may take to read; after it inspect gives up (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (Files.isDirectory(file)) {
            return UsageErrors.report(spec, file + " is a folder; inspect takes one file (check <folder> goes through a folder's files)");
        }
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return UsageErrors.report(spec, file + ": no such file");
        }
        if (timeout < 1) {
            return UsageErrors.report(spec, "--timeout must be at least 1 second, not " + timeout);
        }
        if (ocr.problem() != null) {
            return UsageErrors.report(spec, ocr.problem());
        }
        // a link out of its folder, a pipe or a device is refused before anything opens it
        InputFiles.Selection selection = inputOptions.select(List.of(file), DocumentReader.DEFAULT_MAX_BYTES, null);
        if (!selection.rejected().isEmpty()) {
            System.err.println(selection.rejected().get(0).message());
            return 1;
        }
        return inspect();
    }

    /** Reads the file on a thread of its own, so that a file that never ends reading is given up after the timeout. */
    private int inspect() throws IOException, InterruptedException {
        FutureTask<Document> reading = new FutureTask<>(() -> new Pipeline(DocumentReader.DEFAULT_MAX_BYTES, ocr.options()).read(file, file.toString(), !raw));
        Thread t = new Thread(reading, "inspect");
        t.setDaemon(true);
        Document doc = null;
        String problem = null;
        String logged;
        try (LibraryLog log = new LibraryLog("inspect")) {
            t.start();
            try {
                doc = reading.get(timeout, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                problem = file + ": still reading after " + timeout + " s, given up (the file may be malformed or very "
                        + "large; --timeout gives it longer)";
            } catch (ExecutionException e) {
                problem = problem(e.getCause());
            }
            logged = log.release("inspect");
        }
        if (problem != null) {
            System.err.println(problem);
        }
        if (logged != null) {
            System.err.println(logged);
        }
        if (doc == null) {
            return 1;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (sections) {
            DocumentPrinter.printSections(doc, Outline.build(doc), out);
        } else {
            DocumentPrinter.print(doc, out);
        }
        return 0;
    }

    /** Why the file could not be read, in one line naming it. */
    private String problem(Throwable cause) {
        if (cause instanceof UnreadableDocumentException u) {
            return u.getMessage().replaceFirst(" \\(skipped\\)$", "");
        }
        if (cause instanceof IOException io) {
            return PathProblems.describe(io);
        }
        return file + ": reading failed (" + cause.getClass().getSimpleName() + "); please report this file";
    }
}
