package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The outputs an earlier run left in a folder, read back so that a run can resume: which files are done,
 * and the files made whole again (a run killed mid-write leaves a torn last line; a record whose line in
 * records.jsonl never got written leaves rows in the CSV files that no record owns).
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
     * Whether the folder holds the results of a run: a line in records.jsonl or errors.jsonl, or a row
     * below the header of a CSV file. A run that did not get that far has nothing worth keeping.
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
        for (Map.Entry<String, List<String>> csv : RecordWriters.csvHeaders().entrySet()) {
            Path f = dir.resolve(csv.getKey());
            long header = RecordWriters.headerLine(csv.getValue()).getBytes(StandardCharsets.UTF_8).length;
            if (Files.isRegularFile(f) && Files.size(f) > header) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rewrites the folder's outputs keeping only the records and errors accepted, and the CSV rows of the
     * records kept; torn lines and rows of records never finished go. Each file is replaced atomically.
     */
    public static void retain(Path dir, Predicate<Done> keep) throws IOException {
        Set<String> kept = new HashSet<>();
        rewriteLines(dir.resolve("records.jsonl"), line -> {
            JsonNode n = parse(line);
            if (n == null) {
                return false;
            }
            JsonNode source = n.path("source");
            Done d = new Done(source.path("file").asText(), text(source.path("sha256")), false, text(n.path("reason")));
            if (keep.test(d)) {
                kept.add(d.file());
                return true;
            }
            return false;
        });
        rewriteLines(dir.resolve("errors.jsonl"), line -> {
            JsonNode n = parse(line);
            return n != null && keep.test(new Done(n.path("file").asText(), text(n.path("sha256")), true, text(n.path("reason"))));
        });
        for (Map.Entry<String, List<String>> csv : RecordWriters.csvHeaders().entrySet()) {
            rewriteCsv(dir.resolve(csv.getKey()), csv.getValue(), kept);
        }
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

    /**
     * Writes the header, then the rows whose first column (the file) is among the files kept. A header
     * that is missing or torn (a run killed as it began) is written whole again.
     */
    private static void rewriteCsv(Path file, List<String> header, Set<String> kept) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            w.write(RecordWriters.headerLine(header));
            CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT);
            CSVParser parser = CSVFormat.DEFAULT.parse(in);
            try {
                for (CSVRecord row : parser) {
                    if (kept.contains(row.get(0))) {
                        out.printRecord(row);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // a row torn by a killed run: what follows it is lost anyway
            }
            out.flush();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
