package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.panel.RunRecords;

/** The records of the extract runs a command reads (panel, report): their folders or records.jsonl files. */
final class RunInputs {

    private RunInputs() {
    }

    /** What is wrong with the runs given, as a usage message (the first that holds no records), or null. */
    static String problem(List<Path> runs) {
        for (Path run : runs) {
            if (!Files.isRegularFile(RunRecords.recordsFile(run))) {
                return run + (Files.isDirectory(run) ? " holds no records.jsonl" : ": no such file")
                        + "; give the folder an extract run wrote, or its records.jsonl";
            }
        }
        return null;
    }

    /**
     * Reads the runs and prints what could not be read of them (torn lines); null, after a message saying so, when
     * they cannot be read at all.
     */
    static RunRecords read(String command, List<Path> runs, String nothingWritten) {
        RunRecords read;
        try {
            read = RunRecords.read(runs);
        } catch (IOException e) {
            System.err.println(command + ": " + PathProblems.describe(e) + "; " + nothingWritten);
            return null;
        }
        read.problems().forEach(System.err::println);
        return read;
    }
}
