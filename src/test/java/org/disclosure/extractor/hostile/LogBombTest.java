package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF of one kilobyte that makes the PDF library log an error with its stack trace for each of tens of
 * thousands of operators (a text move without its operands): hundreds of megabytes of stderr. workers.log
 * keeps 1 MB of it with a line saying how much was left out, nothing reaches the terminal, and the run goes on.
 */
class LogBombTest {

    /** workers.log's bound per file, and room for the lines around it. */
    private static final long PER_FILE = 1 << 20;
    private static final long SLACK = 16 << 10;

    @TempDir
    static Path dir;

    private static Path bomb;

    @BeforeAll
    static void aPdfThatMakesTheLibraryLogForEveryOperator() throws Exception {
        bomb = dir.resolve("bomb.pdf");
        HostileFolder.logBombPdf(bomb);
        assertThat(Files.size(bomb)).isLessThan(4096);
    }

    @Test
    void inAWorkerTheLogIsBoundedAndTheRunGoesOn() throws Exception {
        Path good = dir.resolve("good.txt");
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), good);
        Path out = dir.resolve("workers");
        Runs.InJvm run = Runs.run("extract", bomb.toString(), good.toString(), "-o", out.toString(), "--progress", "none");
        assertThat(run.status()).as(run.err()).isZero();
        Path log = out.resolve("workers.log");
        assertThat(Files.size(log)).isBetween(PER_FILE, PER_FILE + SLACK);
        assertThat(Files.readString(log)).contains("more bytes from " + bomb + " left out");
        assertThat(Files.readString(out.resolve("records.jsonl"))).contains(good.toString());
        assertThat(Runs.lines(out.resolve("records.jsonl")) + Runs.lines(out.resolve("errors.jsonl"))).isEqualTo(2);
    }

    @Test
    void inProcessForOneFileTheLogIsBoundedAndNothingReachesTheTerminal() throws Exception {
        // a process of its own: which way the libraries log is settled once per JVM, before their first message
        Path out = dir.resolve("one");
        Path said = dir.resolve("one.log");
        Process run = Runs.start(said, "extract", bomb.toString(), "-o", out.toString(), "--progress", "none");
        try {
            assertThat(run.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            Runs.cleanUp(run);
        }
        assertThat(Files.size(said)).as(Files.readString(said)).isLessThan(1000);
        Path log = out.resolve("workers.log");
        assertThat(Files.size(log)).isBetween(PER_FILE, PER_FILE + SLACK);
        assertThat(Files.readString(log)).contains("more bytes from " + bomb + " left out");
        assertThat(Runs.lines(out.resolve("records.jsonl")) + Runs.lines(out.resolve("errors.jsonl"))).isEqualTo(1);
    }
}
