package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Every mistake a user makes gets one line naming the option or path and what to do, then one hint line. */
class UsageMessagesTest {

    private static final String REPORT = "corpus/seeds/001_627f347534218911.txt";

    @Test
    void anOutputPathThatIsAFileIsNamedAsOne(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("results"));
        CliRun run = CliRun.of("extract", REPORT, "-o", file.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "extract: --out " + file + " is a file; give a folder (it is created if missing)",
                "Try 'disclosure-extractor extract --help' for more information.");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("results"));
        CliRun run = CliRun.of("extract", REPORT, "-o", file.resolve("out").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).isEqualTo("extract: --out " + file.resolve("out") + ": " + file
                + " is a file, so no folder can be made under it; give another folder");
    }

    @Test
    void noCommandNamesTheCommands() {
        CliRun run = CliRun.of();
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "disclosure-extractor: give a command: extract, tables, check, inspect, evaluate, report, panel, serve, benchmark",
                "Try 'disclosure-extractor --help' for more information.");
    }

    @Test
    void inspectOfAFolderSaysItTakesOneFile(@TempDir Path dir) {
        CliRun run = CliRun.of("inspect", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).isEqualTo("inspect: " + dir + " is a folder; inspect takes one file "
                + "(check <folder> goes through a folder's files)");
    }

    @Test
    void aLongOptionWithOneDashIsAnErrorThatSuggestsTwo(@TempDir Path dir) {
        CliRun run = CliRun.of("extract", REPORT, "-out", dir.resolve("x").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).isEqualTo(
                "extract: unknown option '-out'; options of more than one letter take two dashes: --out (or -o)");
        assertThat(Path.of("ut")).doesNotExist();
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aShortOptionWithItsValueAttachedSaysToAddASpace() {
        CliRun run = CliRun.of("check", REPORT, "-t4");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("check: unknown option '-t4'; write -t 4 (with a space)");
    }

    @Test
    void aMisspeltOptionOrCommandSuggestsTheCloseOnesWithoutTheUsage() {
        CliRun option = CliRun.of("extract", REPORT, "--thraeds", "2");
        assertThat(option.status()).isEqualTo(2);
        assertThat(option.errLines()).containsExactly(
                "extract: unknown option '--thraeds'; did you mean --threads?",
                "Try 'disclosure-extractor extract --help' for more information.");
        CliRun command = CliRun.of("extrct", REPORT);
        assertThat(command.status()).isEqualTo(2);
        assertThat(command.errLines()).hasSize(2);
        assertThat(command.errLines().get(0)).startsWith("disclosure-extractor: unknown command 'extrct'; did you mean extract");
        assertThat(command.errLines().get(1)).isEqualTo("Try 'disclosure-extractor --help' for more information.");
    }

    @Test
    void everyUsageErrorIsTwoLinesAndStatus2(@TempDir Path dir) {
        for (String[] args : new String[][] {
                {"extract"},
                {"extract", dir.resolve("missing.pdf").toString()},
                {"extract", REPORT, "--threads", "0"},
                {"extract", REPORT, "--worker-heap", "lots"},
                {"extract", REPORT, "--threads", "two"},
                {"check", REPORT, "--format", "xml"},
                {"check", REPORT, "--timeout", "0"},
                {"evaluate", "--gold", dir.resolve("none").toString(), REPORT},
                {"inspect", dir.resolve("missing.pdf").toString()},
                {"extract", REPORT, "--grammars", dir.resolve("none").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.errLines()).as(String.join(" ", args)).hasSizeBetween(1, 2);
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("Usage:").doesNotContain("\tat ");
        }
        assertThat(CliRun.of("check", REPORT, "--format", "xml").errLines().get(0))
                .isEqualTo("check: Invalid value for option '--format': expected one of [text, csv, json] but was 'xml'");
    }

    @Test
    void aFolderWithNoFilesIsSaidAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        Files.writeString(empty.resolve(".hidden"), "x");
        CliRun run = CliRun.of("extract", dir.resolve("empty").toString(), "-o", dir.resolve("out").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("extract: no files found in " + dir.resolve("empty") + "; nothing to read");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theCommandListReadsAsWholeSentences() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(
                "extract    Read reports into records (JSON Lines) and tables (CSV, workbook, DuckDB, Parquet).",
                "tables     Write a run's tables (CSV, workbook, DuckDB, Parquet) again from its records.jsonl.",
                "check      Print where reports contradict themselves, or why a file was not read as a report.",
                "inspect    Print how one file was read: its text and tables by page, or its section tree.",
                "evaluate   Score records against gold records: precision, recall and F1 per field.");
    }

    @Test
    void everyCommandsHelpFitsTheWidthAndSaysItsExitStatus() {
        for (String command : new String[] {"extract", "check", "inspect", "evaluate", "panel", "benchmark"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.status()).as(command).isZero();
            assertThat(run.out().lines()).as(command).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
            assertThat(run.err()).as(command).isEmpty();
        }
        assertThat(CliRun.of("check", "--help").out()).contains("Exit status:", "3   no error finding");
        assertThat(CliRun.of("check", "--version").out().strip()).isEqualTo("disclosure-extractor " + Version.current());
    }

    @Command(name = "fails")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug\nwith a second line");
        }
    }

    @Test
    void aFailureOfTheProgramIsOneLineNamingTheLogThatHoldsTheTrace() throws Exception {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new Failing()).setExecutionExceptionHandler(new InternalErrors())
                .setErr(new java.io.PrintWriter(err));
        int status = cl.execute();
        assertThat(status).isEqualTo(4);
        assertThat(err.toString().lines()).hasSize(1);
        String line = err.toString().strip();
        assertThat(line).startsWith("fails: the program failed (IllegalStateException: a bug); the details are in ");
        Path log = Path.of(line.replaceAll(".*the details are in (\\S+);.*", "$1"));
        try {
            assertThat(Files.readString(log)).contains("IllegalStateException", "\tat ");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
