package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.output.Headers;
import org.disclosure.extractor.output.RunOutputs;
import picocli.CommandLine.Option;

/**
 * `--formats` and `--headers`, shared by extract and tables: which tables a run folder gets (records.csv …,
 * records.xlsx …) and with which header rows.
 */
final class TablesOptions {

    @Option(names = "--formats", split = ",", paramLabel = "<format>",
            description = "The formats the tables are written in, comma-separated: csv (records.csv, items.csv, "
                    + "findings.csv, values.csv, errors.csv), xlsx (records.xlsx, a sheet per table), duckdb "
                    + "(records.duckdb, a table each), parquet (parquet/<table>.parquet) "
                    + "(default: all: ${DEFAULT-VALUE}).")
    List<String> formats = RunOutputs.formats();

    @Option(names = "--headers", defaultValue = "both", paramLabel = "<rows>",
            description = "Header rows of the tables: both (the Chinese names with units, then the keys), zh or key "
                    + "(default: ${DEFAULT-VALUE}).")
    Headers headers;

    /** What is wrong with the options, or null. */
    String problem() {
        List<String> unknown = RunOutputs.unknown(formats);
        return unknown.isEmpty() ? null : "--formats: no format " + String.join(", ", unknown)
                + "; choose among " + String.join(", ", RunOutputs.formats());
    }

    /** Lets the chosen formats' writers get ready while the run reads its reports. */
    void prepare() {
        RunOutputs.prepare(formats);
    }

    /** Writes the tables of the run in {@code out}; a message saying what went wrong, or null. */
    String write(Path out) {
        try {
            RunOutputs.write(out, formats, headers);
            return null;
        } catch (IOException | RuntimeException e) {
            return out + ": the tables (" + String.join(", ", formats) + ") could not be written ("
                    + (e instanceof IOException io ? PathProblems.describe(io) : String.valueOf(e.getMessage()))
                    + "); records.jsonl is whole: run `tables " + out + "` to write them again";
        }
    }
}
