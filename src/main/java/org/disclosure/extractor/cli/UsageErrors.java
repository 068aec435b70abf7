package org.disclosure.extractor.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a user sees after a wrong option or argument: one line saying what is wrong (with the close
 * options when one was misspelt), one line pointing to --help — not the whole usage — and exit status 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(line(cmd.getCommandSpec(), ex));
        err.println(hint(cmd.getCommandSpec()));
        err.flush();
        return USAGE;
    }

    /** The one line: the command, what is wrong, and what was probably meant. */
    static String line(CommandSpec spec, ParameterException ex) {
        String message = firstLine(ex.getMessage());
        if (message.equals("Missing required subcommand")) {
            return name(spec) + ": give a command: " + String.join(", ", spec.subcommands().keySet().stream()
                    .filter(c -> !c.equals("help")).toList());
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            String longForm = "-" + arg;
            if (arg.matches("-[A-Za-z][A-Za-z-]+") && spec.findOption(longForm) != null) {
                // -out: picocli would have read it as -o ut
                return name(spec) + ": unknown option '" + arg + "'; options of more than one letter take "
                        + "two dashes: " + longForm + (spec.findOption(arg.substring(0, 2)) != null ? " (or " + arg.substring(0, 2) + ")" : "");
            }
            if (arg.matches("-[A-Za-z].+") && spec.findOption(arg.substring(0, 2)) != null) {
                // -t4: short options take their value after a space
                return name(spec) + ": unknown option '" + arg + "'; write " + arg.substring(0, 2) + " "
                        + arg.substring(2).replaceFirst("^=", "") + " (with a space)";
            }
            List<String> close = u.getSuggestions();
            if (arg.startsWith("-")) {
                message = "unknown option '" + arg + "'";
            } else if (spec.subcommands().isEmpty()) {
                message = "unexpected argument '" + arg + "'";
            } else {
                message = "unknown command '" + arg + "'";
            }
            if (!close.isEmpty()) {
                message += "; did you mean " + String.join(" or ", close.subList(0, Math.min(3, close.size()))) + "?";
            }
        }
        if (message.endsWith("(case-insensitive) but was '" + message.replaceAll(".*but was '(.*)'$", "$1") + "'")) {
            // enum values as the user types them: [text, csv, json], not [TEXT, CSV, JSON]
            int open = message.indexOf('[');
            int close = message.indexOf(']', open);
            if (open > 0 && close > open) {
                message = message.substring(0, open) + message.substring(open, close).toLowerCase(java.util.Locale.ROOT)
                        + message.substring(close).replace(" (case-insensitive)", "");
            }
        }
        return name(spec) + ": " + message;
    }

    /** How messages name the command: "extract", or the program's name for the top level. */
    static String name(CommandSpec spec) {
        return spec.name();
    }

    /** A usage error a command finds itself (a path that is not there, an option out of range): the two lines, status 2. */
    static int report(CommandSpec spec, String message) {
        System.err.println(name(spec) + ": " + message);
        System.err.println(hint(spec));
        return USAGE;
    }

    static String hint(CommandSpec spec) {
        return "Try '" + spec.qualifiedName() + " --help' for more information.";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid arguments";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
