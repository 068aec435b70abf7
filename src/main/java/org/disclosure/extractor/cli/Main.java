package org.disclosure.extractor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: `disclosure-extractor <command>`. */
@Command(name = "disclosure-extractor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns Chinese government budget disclosure reports (部门决算/部门预算) into checked, structured data.",
        subcommands = {ExtractCommand.class, TablesCommand.class, CheckCommand.class, InspectCommand.class, EvaluateCommand.class,
                ReportCommand.class, PanelCommand.class,
                ServeCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 done; 1 nothing could be read (check: a report contradicts itself); 2 usage error",
                "(a wrong option or path; the message says which); 3 check: some file was not read as a report;",
                "4 the program failed (the message names a log with the details); 130 stopped by Ctrl-C, 143 by",
                "SIGTERM (what was done is kept: --resume goes on). Each command's --help says more."})
public final class Main {

    public static void main(String[] args) {
        args = Utf8Relaunch.argumentsInUtf8(args);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with this program's conventions: one-line messages, no clustered short options. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // -out is a mistake for --out, not -o ut
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler(new InternalErrors());
        cl.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(new Version()));
        return cl;
    }
}
