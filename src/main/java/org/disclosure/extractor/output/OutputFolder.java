package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The outputs an earlier run left in a folder, read back so that a run can resume: which files are done,
 * and the files made whole again (a run killed mid-write leaves a torn last line). The tables (records.csv,
 * records.xlsx …) need no repair: they are written afresh from records.jsonl and errors.jsonl when a run ends.
 */
public final class OutputFolder {

    /**
     * A file an earlier run finished with.
     *
     * @param file   the path as given then
     * @param sha256 its content hash then (null when it could not be read at all)
     * @param error  whether it ended in errors.jsonl rather than records.jsonl
     * @param reason the error's reason, or the empty record's reason, or null
     */
    public record Done(String file, String sha256, boolean error, String reason) {
    }

    private OutputFolder() {
    }

    /**
     * Whether the folder holds the results of a run: a line in records.jsonl or errors.jsonl. A run that did
     * not get that far has nothing worth keeping.
     */
    public static boolean holdsResults(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (String name : List.of("records.jsonl", "errors.jsonl")) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f) && Files.size(f) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rewrites the folder's records.jsonl and errors.jsonl keeping only the records and errors accepted; torn
     * lines go. Each file is replaced atomically.
     */
    public static void retain(Path dir, Predicate<Done> keep) throws IOException {
        rewriteLines(dir.resolve("records.jsonl"), line -> {
            JsonNode n = parse(line);
            if (n == null) {
                return false;
            }
            JsonNode source = n.path("source");
            Done d = new Done(source.path("file").asText(), text(source.path("sha256")), false, text(n.path("reason")));
            return keep.test(d);
        });
        rewriteLines(dir.resolve("errors.jsonl"), line -> {
            JsonNode n = parse(line);
            return n != null && keep.test(new Done(n.path("file").asText(), text(n.path("sha256")), true, text(n.path("reason"))));
        });
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static JsonNode parse(String line) {
        try {
            return JsonRecords.MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    /** The lines of a file that end in a newline (the last one of a killed run may not). */
    private static List<String> wholeLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                    }
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append((char) c);
                }
            }
        }
        return lines;
    }

    private static void rewriteLines(Path file, Predicate<String> keep) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String line : wholeLines(file)) {
                if (keep.test(line)) {
                    w.write(line);
                    w.newLine();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
