package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a user sees when the program itself fails: one line naming the failure and a log file that holds
 * the stack trace, never the trace itself; exit status 4.
 */
final class InternalErrors implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 4;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String what = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()));
        String where;
        try {
            Path log = Files.createTempFile("disclosure-extractor-error-", ".log");
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            where = "the details are in " + log + "; please report it with that file";
        } catch (IOException | RuntimeException e) {
            where = "please report it";
        }
        err.println(UsageErrors.name(cmd.getCommandSpec()) + ": the program failed (" + what + "); " + where);
        err.flush();
        return FAILED;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
