package org.disclosure.extractor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** One run of the command line in this JVM, with what it printed to stdout and stderr. */
record CliRun(int status, String out, String err) {

    static synchronized CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(l -> !l.isEmpty()).toList();
    }

    List<String> outLines() {
        return Arrays.stream(out.split("\\R")).filter(l -> !l.isEmpty()).toList();
    }
}
