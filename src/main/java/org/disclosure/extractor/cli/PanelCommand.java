package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.output.Headers;
import org.disclosure.extractor.output.Table;
import org.disclosure.extractor.panel.Panel;
import org.disclosure.extractor.panel.PanelOutput;
import org.disclosure.extractor.panel.PanelTables;
import org.disclosure.extractor.panel.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `panel`: the department × year panel of one or more extract runs, with derived changes and the cross-year check. */
@Command(name = "panel", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Build the department × year panel of extract runs, with changes and a cross-year check.",
        description = {"Reads the records of one or more extract runs (their folders or records.jsonl files) and",
                "writes the table panel: one row per department, scope and year, with the budget's and the final",
                "accounts' figures side by side (columns <key>.budget and <key>.final, 预算 and 决算), and the",
                "change on the previous year computed from the previous year's report of the same kind",
                "(<key>.budget_change_derived, 较上年增减（计算）: derived by the panel, never stated by a report;",
                "only where both years state the figure). One department is recognised across years by its",
                "region and its name as grammars/department_names.yaml rewrites it (（本级）, 中共, 办公厅/办公室,",
                "委员会/委, 人民检察院/检察院 …, and renames a report states); a unit's report (单位预算) never",
                "joins its department's (部门预算). Several files of one report: the one with most figures is taken,",
"the others are named, and figures they disagree on are listed.",
                "",
                "The table panel_findings: the cross_year check — a report's stated change on last year (收支总计,",
                "“三公”经费, 机关运行经费, and their rates) against last year's own report of the same kind, with",
                "the three sentences. A finding only where the difference is beyond what the rounding of the",
                "figures as written explains; a budget's is a warning at most (its 上年预算 may be last year's",
                "adjusted budget). Records without figures (not a report, a template …) are counted, not placed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the panel was written", "2:usage error: a wrong option, or a run that holds no records.jsonl",
                "4:the program failed (the message names a log with the details)"})
final class PanelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<run>", description = "Folders of extract runs, or their records.jsonl files.")
    List<Path> runs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>",
            description = "Folder for the panel (created if missing); a run's own folder will do: its outputs are"
                    + " left as they are.")
    Path out;

    @Option(names = "--formats", split = ",", paramLabel = "<format>",
            description = "The formats the panel is written in, comma-separated: csv (panel.csv, panel_findings.csv),"
                    + " xlsx (panel.xlsx, a sheet each), duckdb (panel.duckdb, a table each), parquet"
                    + " (parquet/panel.parquet, parquet/panel_findings.parquet) (default: all: csv,xlsx,duckdb,parquet).")
    List<String> formats = PanelOutput.FORMATS;

    @Option(names = "--headers", defaultValue = "both", paramLabel = "<rows>",
            description = "Header rows of the CSV files and sheets: both (the Chinese names with units, then the keys),"
                    + " zh or key (default: ${DEFAULT-VALUE}).")
    Headers headers;

    @Override
    public Integer call() throws IOException {
        String missing = RunInputs.problem(runs);
        if (missing != null) {
            return UsageErrors.report(spec, missing);
        }
        List<String> unknown = PanelOutput.unknown(formats);
        if (!unknown.isEmpty()) {
            return UsageErrors.report(spec, "--formats: no format " + String.join(", ", unknown) + "; choose among "
                    + String.join(", ", PanelOutput.FORMATS));
        }
        String problem = PathProblems.outputFolder(out, "--out");
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        RunRecords read = RunInputs.read("panel", runs, "no panel was written");
        if (read == null) {
            return InternalErrors.FAILED;
        }
        Panel panel = Panel.of(read.records());
        List<Table> tables = PanelTables.of(panel);
        try {
            PanelOutput.write(tables, out, formats, headers);
        } catch (IOException e) {
            System.err.println("panel: " + PathProblems.describe(e) + "; the panel could not be written");
            return InternalErrors.FAILED;
        }
        System.err.println(summary(panel) + " -> " + out.resolve(PanelOutput.file(formats.get(0))));
        return 0;
    }

    /** panel: 150 records (8 without figures …), 120 rows of 110 departments, 0 cross-year findings. */
    static String summary(Panel panel) {
        Panel.Counts c = panel.counts();
        long departments = panel.rows().stream().map(r -> r.identity() + "|" + r.scope()).distinct().count();
        long errors = panel.findings().stream().filter(f -> f.finding().isError()).count();
        StringBuilder s = new StringBuilder("panel: " + c.records() + (c.records() == 1 ? " record" : " records"));
        StringBuilder left = new StringBuilder();
        if (c.withoutFigures() > 0) {
            left.append(c.withoutFigures()).append(" without figures");
        }
        if (c.unidentified() > 0) {
            left.append(left.isEmpty() ? "" : ", ").append(c.unidentified()).append(" without department, year or kind");
        }
        if (c.otherKinds() > 0) {
            left.append(left.isEmpty() ? "" : ", ").append(c.otherKinds()).append(" of another kind");
        }
        if (!left.isEmpty()) {
            s.append(" (").append(left).append(", not placed)");
        }
        s.append(", ").append(panel.rows().size()).append(panel.rows().size() == 1 ? " row of " : " rows of ")
                .append(departments).append(departments == 1 ? " department" : " departments")
                .append(", ").append(panel.findings().size()).append(" cross-year")
                .append(panel.findings().size() == 1 ? " finding" : " findings");
        if (errors > 0) {
            s.append(" (").append(errors).append(errors == 1 ? " error)" : " errors)");
        }
        return s.toString();
    }
}
