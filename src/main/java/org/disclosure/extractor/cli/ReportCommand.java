package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.panel.RunRecords;
import org.disclosure.extractor.report.Departments;
import org.disclosure.extractor.report.ReportSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `report`: one self-contained HTML page per department from the records of one or more runs, and an index. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write one HTML page per department, with charts, from the records of extract runs.",
        description = {"Reads the records of one or more extract runs (their folders or records.jsonl files) and",
                "writes <out>/index.html, every department sorted by region, and <out>/departments/*.html: each",
                "department's reports over the years, its “三公” expenses and their items, the structure of its",
                "expenditure (basic and project; by 类), and its findings with the sentences they rest on.",
                "The pages need no network: style and charts (SVG) are inside each file."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<run>", description = "Folders of extract runs, or their records.jsonl files.")
    List<Path> runs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>", description = "Folder for the pages.")
    Path out;

    @Override
    public Integer call() throws IOException {
        String missing = RunInputs.problem(runs);
        if (missing != null) {
            return UsageErrors.report(spec, missing);
        }
        String problem = PathProblems.outputFolder(out, "--out");
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        RunRecords read = RunInputs.read("report", runs, "no page was written");
        if (read == null) {
            return InternalErrors.FAILED;
        }
        int pages;
        try {
            pages = ReportSite.write(Departments.of(read.records()), out);
        } catch (IOException e) {
            System.err.println("report: " + PathProblems.describe(e) + "; the pages could not be written");
            return InternalErrors.FAILED;
        }
        System.err.println("report: " + read.records().size() + " records, " + pages + " departments -> "
                + out.resolve("index.html"));
        return 0;
    }
}
