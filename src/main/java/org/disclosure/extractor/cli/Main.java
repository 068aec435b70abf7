package org.disclosure.extractor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: `disclosure-extractor <command>`. */
@Command(name = "disclosure-extractor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns Chinese government budget disclosure reports (部门决算/部门预算) into checked, structured data.",
        subcommands = {ExtractCommand.class, CheckCommand.class, InspectCommand.class, EvaluateCommand.class, BenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
