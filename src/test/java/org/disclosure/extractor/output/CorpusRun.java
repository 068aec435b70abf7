package org.disclosure.extractor.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.disclosure.extractor.cli.Main;

/**
 * One extract run over ../shared/corpus (the reports with gold records, in all their formats), made once per test
 * JVM as a user makes it — `extract ../shared/corpus -o <folder>` with every table format — and shared by the tests
 * of the outputs (the workbook, the database). The folder is removed when the JVM ends. A missing corpus fails the
 * tests that need it rather than skipping them.
 */
public final class CorpusRun {

    public static final Path CORPUS = Path.of("..", "shared", "corpus");

    private static Path folder;

    private CorpusRun() {
    }

    /** The run folder: records.jsonl, errors.jsonl and every table format. */
    public static synchronized Path folder() {
        if (folder == null) {
            folder = run();
        }
        return folder;
    }

    private static Path run() {
        if (!Files.isDirectory(CORPUS)) {
            throw new IllegalStateException(CORPUS.toAbsolutePath().normalize()
                    + " is missing: clone the project beside ../shared, as CI does");
        }
        try {
            Path dir = Files.createTempDirectory("corpus-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path out = dir.resolve("out");
            int status = Main.run("extract", CORPUS.toString(), "-o", out.toString(), "--progress", "none");
            if (status != 0) {
                throw new IllegalStateException("extract " + CORPUS + " ended with status " + status);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up in the end
        }
    }
}
