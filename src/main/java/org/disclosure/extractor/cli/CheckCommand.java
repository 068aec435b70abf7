package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.batch.Progress;
import org.disclosure.extractor.output.CheckPrinter;
import org.disclosure.extractor.output.CheckedFiles;
import org.disclosure.extractor.output.CheckedFiles.CheckedFile;
import org.disclosure.extractor.output.CheckedFiles.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `check`: reads reports as `extract` does (same workers and limits, into a temporary folder) and prints,
 * file by file in the order given, where each contradicts itself — or why it was not read as a report.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print where reports contradict themselves, or why a file was not read as a report.",
        description = {"Reads reports as extract does (the same workers, time and size limits) and prints, file by",
                "file in the order given, the consistency findings with the sentences or table cells involved.",
                "A file that is not read as a report says why on its own line: no text (a scan that OCR could",
                "not read, saying why: --ocr never, or Tesseract not installed, with what to install), a blank",
                "template, not a report (with the reason from its title), damaged (read in part; figures may be",
                "missing), or could not be read (encrypted, corrupt, timeout, ...). A report whose scanned pages",
                "were not read is checked without them (read in part, reason scans-unread).",
                "A summary line goes to stderr: reports read, with errors, with warnings, files not read by reason.",
                "",
                "Formats: text (default); csv: the columns of findings.csv, one row per finding, plus the file's",
                "status (report, damaged, not-read), reason and its words; a file without findings gets one row;",
                "json: JSON Lines, one object per file with file, status, reason, message, department, year,",
                "errors, warnings and findings (as in records.jsonl, each value with its provenance)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every file was read whole as a report and no finding is an error (warnings may be)",
                "1:at least one report contradicts itself (an error finding)",
                "2:usage error: a wrong option, or a path that does not exist",
                "3:no error finding, but some file was not read as a report or only in part (no text, template,"
                        + " not a report, damaged, scanned pages unread, unreadable), or no files were found",
                "4:the program failed (the message names a log with the details)"},
        footer = "")
final class CheckCommand implements Callable<Integer> {

    static final int CONTRADICTION = 1;
    static final int NOT_ALL_READ = 3;

    /** Output formats. */
    enum Format { TEXT, CSV, JSON }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<file or folder>", description = "Report files or folders of them.")
    List<Path> inputs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "<format>",
            description = "text, csv or json (JSON Lines) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--errors-only", description = "Leave out warnings (and info findings).")
    boolean errorsOnly;

    @Mixin
    WorkerOptions workers;

    @Mixin
    GrammarsOption grammars;

    @Mixin
    InputOptions inputOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!grammars.apply()) {
            return UsageErrors.USAGE;
        }
        String problem = workers.problem();
        if (problem == null) {
            problem = PathProblems.missingInput(inputs);
        }
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        long started = System.nanoTime();
        InputFiles.Selection selection = inputOptions.select(inputs, workers.maxSize * 1024 * 1024, null);
        List<Path> files = selection.files();
        List<Path> empty = PathProblems.emptyFolders(inputs, selection.all());
        if (!empty.isEmpty()) {
            System.err.println("check: " + PathProblems.noFiles(empty) + (files.isEmpty() ? "; nothing to check" : ""));
        }
        if (files.isEmpty() && selection.rejected().isEmpty()) {
            return NOT_ALL_READ;
        }
        List<CheckedFile> checked;
        RunSummary run;
        Path folder = Files.createTempDirectory("disclosure-check-");
        Thread cleanup = new Thread(() -> delete(folder), "delete-check-folder");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            // a bar on a terminal when there is more than one file; otherwise quiet: every file's fate is printed below
            boolean bar = System.console() != null && files.size() > 1;
            Batch.Options options = workers.batch("full", false, false, bar ? Progress.Mode.BAR : Progress.Mode.NONE, 10);
            run = new Batch(options, bar ? System.err : new PrintStream(OutputStream.nullOutputStream())).run(files, selection.rejected(), folder);
            // an input refused unopened (a pipe, a link out of the folders) is listed as not read, with its reason
            checked = CheckedFiles.read(folder, selection.all().stream().map(Path::toString).toList());
        } catch (IOException e) {
            System.err.println("check: " + PathProblems.describe(e) + "; nothing was checked");
            return InternalErrors.FAILED;
        } finally {
            delete(folder);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down already: the hook deletes it
            }
        }
        List<CheckedFile> shown = errorsOnly ? checked.stream().map(CheckedFile::errorsOnly).toList() : checked;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (format) {
            case TEXT -> CheckPrinter.text(shown, out);
            case CSV -> CheckPrinter.csv(shown, out);
            case JSON -> CheckPrinter.json(shown, out);
        }
        System.err.println(CheckPrinter.summary(checked, (System.nanoTime() - started) / 1e9));
        if (run.stoppedBy() != null) {
            return run.stopStatus(); // Ctrl-C or SIGTERM: what was checked is shown, the rest was not read
        }
        if (checked.stream().anyMatch(c -> c.count("error") > 0)) {
            return CONTRADICTION;
        }
        boolean allRead = empty.isEmpty() && checked.size() >= selection.all().size()
                && checked.stream().allMatch(c -> c.status() == Status.REPORT);
        return allRead ? 0 : NOT_ALL_READ;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or in use by a stopping run: a temporary folder the system cleans
        }
    }
}
