package org.disclosure.extractor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disclosure.extractor.output.DataDictionary;
import org.disclosure.extractor.output.RunTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `tables`: writes the tables of an existing run again from its records.jsonl and errors.jsonl. */
@Command(name = "tables", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write a run's tables (CSV, workbook, DuckDB, Parquet) again from its records.jsonl.",
        description = {"Writes the tables of the run in <run folder> from its records.jsonl and errors.jsonl, as",
                "extract does when a run ends: records.csv, items.csv, findings.csv, values.csv, errors.csv and",
                "records.xlsx (see --formats), replacing those there. For a run that was killed before it could",
                "write them, or to get other --headers. Do not run it while extract writes into the same folder.",
                "Exit status: 0 written; 1 they could not be written; 2 on a usage error (no such run folder)."})
final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<run folder>", description = "A folder extract wrote into (it holds records.jsonl).")
    Path run;

    @Mixin
    TablesOptions tables;

    @Override
    public Integer call() throws Exception {
        String problem = tables.problem();
        if (problem == null && !Files.isDirectory(run)) {
            problem = run + ": no such folder; give the folder an extract run wrote into (-o)";
        }
        if (problem == null && !Files.isRegularFile(run.resolve(RunTables.RECORDS))
                && !Files.isRegularFile(run.resolve(RunTables.ERRORS))) {
            problem = run + ": holds no records.jsonl or errors.jsonl; give the folder an extract run wrote into (-o)";
        }
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        DataDictionary.write(run);
        String failed = tables.write(run);
        if (failed != null) {
            System.err.println("tables: " + failed);
            return 1;
        }
        System.err.println("tables: " + String.join(", ", tables.formats) + " -> " + run);
        return 0;
    }
}
