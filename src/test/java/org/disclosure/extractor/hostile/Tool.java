package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.disclosure.extractor.cli.Main;

/**
 * The tool run as a user runs it, in a process of its own with a time limit: a hostile input that hangs it
 * fails the test instead of hanging the build, and every process it started is ended afterwards.
 */
final class Tool {

    /** What a run printed and how it ended. */
    record Run(int exit, String stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }

        /** Neither a Java stack trace nor an uncaught exception reached the user. */
        void assertNoStackTrace() {
            assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(stdout).doesNotContain("\tat ");
        }
    }

    private Tool() {
    }

    /** Runs {@code disclosure-extractor args} in {@code dir}, after {@code prefix} (e.g. setpriv), within the time limit. */
    static Run run(Path dir, List<String> prefix, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile("tool-out", ".txt");
        Path stderr = Files.createTempFile("tool-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            assertThat(ended).as("%s ends within %d s", String.join(" ", args), timeoutSeconds).isTrue();
            return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** Runs a bash command in {@code dir}; fails the test when it fails (a program the test needs is missing). */
    static void sh(Path dir, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, "bash"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("bash -c %s: %s", script, output).isZero();
    }

    static boolean isRoot() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return uid.equals("0");
    }
}
