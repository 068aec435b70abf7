package org.disclosure.extractor.unlabelled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;

/**
 * The real reports of ../shared/unlabelled (150 files from fifteen regions, no gold), each run once through the
 * whole pipeline per test JVM and shared by the tests that judge them (the report list, the reviewed findings).
 * The folder is part of every checkout's surroundings (CI clones the project beside ../shared); a missing
 * folder fails the tests that need it rather than skipping them.
 */
public final class UnlabelledReports {

    public static final Path FOLDER = Path.of("..", "shared", "unlabelled");

    private static volatile Map<String, Pipeline.Outcome> outcomes;

    private UnlabelledReports() {
    }

    /** Every file's outcome, by file name (without folder). */
    public static Map<String, Pipeline.Outcome> outcomes() {
        Map<String, Pipeline.Outcome> result = outcomes;
        if (result == null) {
            synchronized (UnlabelledReports.class) {
                if (outcomes == null) {
                    outcomes = runAll();
                }
                result = outcomes;
            }
        }
        return result;
    }

    /** The outcome of one file, by name; fails when the file is not in the folder. */
    public static Pipeline.Outcome outcome(String fileName) {
        Pipeline.Outcome o = outcomes().get(fileName);
        if (o == null) {
            throw new IllegalArgumentException(fileName + " is not in " + FOLDER.toAbsolutePath().normalize());
        }
        return o;
    }

    public static List<Path> files() {
        if (!Files.isDirectory(FOLDER)) {
            throw new IllegalStateException(FOLDER.toAbsolutePath().normalize()
                    + " is missing: clone the project beside ../shared, as CI does");
        }
        try (Stream<Path> walk = Files.list(FOLDER)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Pipeline.Outcome> runAll() {
        Pipeline pipeline = new Pipeline();
        Map<String, Pipeline.Outcome> done = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = files().stream()
                    .<Future<?>>map(f -> pool.submit(() -> done.put(f.getFileName().toString(),
                            pipeline.process(f, f.toString()))))
                    .toList();
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("running ../shared/unlabelled failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new TreeMap<>(done);
    }
}
