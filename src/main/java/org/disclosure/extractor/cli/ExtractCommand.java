package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.RunSummary;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.batch.Progress;
import org.disclosure.extractor.output.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `extract`: reads reports and writes one record per report. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Read reports into records (JSON Lines) and tables (CSV, workbook, DuckDB, Parquet).",
        description = {"Reads report files (PDF, DOCX, DOC, XLSX, XLS, HTML, TXT; folders are searched recursively)",
                "and writes one record per report to <out>/records.jsonl, one line per unreadable file to",
                "<out>/errors.jsonl, and the run's tallies to <out>/summary.json. Files are read in worker processes",
                "(a single file in this one), each within --timeout and --max-size; records are written as they",
                "finish. When the run ends (also when stopped) its tables are written from records.jsonl in each",
                "of --formats: records.csv (one row per report, sorted by region, department, year and kind),",
                "items.csv, findings.csv, values.csv, errors.csv; records.xlsx (a sheet per table); records.duckdb",
                "(a DuckDB database, a table each) and parquet/<table>.parquet.",
                "A folder that holds results is refused unless --resume or --overwrite is given; one run at a time",
                "writes into a folder (<out>/.lock). Ctrl-C or SIGTERM stops cleanly: the files being read are left",
                "for --resume, the outputs are whole; a second Ctrl-C stops at once.",
                "Exit status: 0 when at least one file could be read (or all were already done); 1 when none",
                "could, or no files were found; 2 on a usage error (a wrong option or path) or a refused folder;",
                "130 after Ctrl-C, 143 after SIGTERM."})
final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<file or folder>", description = "Report files or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, defaultValue = "out", paramLabel = "<dir>",
            description = "Folder to write the outputs into (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume",
            description = "Add to the outputs already in <out>: skip files whose path and content (sha256) are there, "
                    + "read new and changed files, and repair what an interrupted run left half-written. It takes the --ocr "
                    + "of the run it continues (summary.json says which): records read with and without OCR are not mixed.")
    boolean resume;

    @Option(names = "--overwrite",
            description = "Replace the outputs already in <out> (without it, or --resume, a folder holding results is refused).")
    boolean overwrite;

    @Option(names = "--retry-errors", description = "With --resume: read again the files listed in errors.jsonl.")
    boolean retryErrors;

    @Mixin
    WorkerOptions workers;

    @Option(names = "--stage", defaultValue = "full", paramLabel = "<stage>",
            description = "full: read, extract and check (default); parse: only read each file into the document "
                    + "model, writing a summary line per file (to measure reading alone).")
    String stage;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "<how>",
            description = "auto (a bar on a terminal, a line every --progress-every seconds otherwise), bar, lines "
                    + "or none (default: ${DEFAULT-VALUE}).")
    Progress.Mode progress;

    @Option(names = "--progress-every", defaultValue = "10", paramLabel = "<seconds>",
            description = "Seconds between progress lines when not on a terminal (default: ${DEFAULT-VALUE}).")
    long progressEvery;

    @Mixin
    GrammarsOption grammars;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    TablesOptions tables;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!grammars.apply()) {
            return UsageErrors.USAGE;
        }
        if (!stage.equals("full") && !stage.equals("parse")) {
            return UsageErrors.report(spec, "--stage must be full or parse, not '" + stage + "'");
        }
        String problem = workers.problem();
        if (problem == null) {
            problem = tables.problem();
        }
        if (problem == null) {
            problem = PathProblems.missingInput(inputs);
        }
        if (problem == null) {
            problem = PathProblems.outputFolder(out, "--out");
        }
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        if (resume && overwrite) {
            return UsageErrors.report(spec, "--resume and --overwrite cannot be used together: --resume adds to "
                    + out + ", --overwrite replaces what is there");
        }
        if (!resume && !overwrite && OutputFolder.holdsResults(out)) {
            System.err.println(out + ": holds the results of an earlier run; add --resume to continue it, or "
                    + "--overwrite to replace them");
            return UsageErrors.USAGE;
        }
        InputFiles.Selection selection = inputOptions.select(inputs, workers.maxSize * 1024 * 1024, out);
        List<Path> files = selection.files();
        List<Path> empty = PathProblems.emptyFolders(inputs, selection.all());
        if (files.isEmpty() && selection.rejected().isEmpty()) {
            System.err.println("extract: " + PathProblems.noFiles(empty) + "; nothing to read");
            return 1;
        }
        if (!empty.isEmpty()) {
            System.err.println("extract: " + PathProblems.noFiles(empty) + "; reading the other inputs");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            return UsageErrors.report(spec, "--out " + out + ": the folder cannot be made (" + PathProblems.describe(e) + ")");
        }
        if (stage.equals("full")) {
            tables.prepare();
        }
        RunSummary summary;
        try {
            summary = new Batch(workers.batch(stage, resume, retryErrors, progress, progressEvery), System.err).run(files, selection.rejected(), out);
        } catch (Batch.Refused e) {
            System.err.println(e.getMessage());
            return UsageErrors.USAGE;
        } catch (IOException e) {
            System.err.println("extract: " + PathProblems.describe(e) + "; the run stopped (what it finished is in " + out + ")");
            return 1;
        }
        String tablesProblem = stage.equals("full") ? tables.write(out) : null;
        System.err.println(summary.line(out));
        if (tablesProblem != null) {
            System.err.println("extract: " + tablesProblem);
        }
        if (summary.stoppedBy() != null) {
            return summary.stopStatus();
        }
        int attempted = summary.files() - selection.rejected().size() - summary.skipped(); // read in this run
        boolean nothingRead = summary.records() == 0 && (attempted > 0 || summary.skipped() == 0);
        return nothingRead || tablesProblem != null ? 1 : 0;
    }
}
