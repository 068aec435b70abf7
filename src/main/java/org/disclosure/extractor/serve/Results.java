package org.disclosure.extractor.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.disclosure.extractor.ingest.PageImages;
import org.disclosure.extractor.output.JsonRecords;

/**
 * A batch's results as the page shows them, read from its run's records.jsonl and errors.jsonl: one row per file
 * (the department, region, year, kind, main totals and findings of a report, or why a file gave none), and a
 * report's whole record with the name it was uploaded under.
 */
final class Results {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** The figures the table shows beside the department, by key. */
    static final List<String> SHOWN = List.of("totals.grand_total", "income.total", "expenditure.total",
            "three_public.budget", "three_public.actual", "three_public.reception");

    /** One row per file: reports first in the order they were read, then the files that could not be read. */
    ArrayNode rows(Path batch) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        Path out = batch.resolve("out");
        int index = 0;
        for (String line : lines(out.resolve("records.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            ObjectNode row = rows.addObject();
            row.put("report", index++);
            String file = r.path("source").path("file").asText();
            row.put("name", fileName(file));
            row.put("format", r.path("source").path("format").asText());
            if (r.has("reason")) {
                row.put("reason", r.path("reason").asText());
            }
            for (String key : List.of("doc.department", "doc.fiscal_year", "doc.kind", "doc.region.province",
                    "doc.region.city", "doc.region.county")) {
                JsonNode v = field(r, key).path("value");
                if (!v.isMissingNode()) {
                    row.set(key, v);
                }
            }
            for (String key : SHOWN) {
                JsonNode v = field(r, key).path("value");
                if (!v.isMissingNode()) {
                    row.set(key, v);
                }
            }
            int errors = 0;
            for (JsonNode f : r.path("findings")) {
                errors += f.path("severity").asText().equals("error") ? 1 : 0;
            }
            row.put("findings", r.path("findings").size());
            row.put("errors", errors);
        }
        for (String line : lines(out.resolve("errors.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            ObjectNode row = rows.addObject();
            row.put("name", fileName(e.path("file").asText()));
            row.put("reason", e.path("reason").asText());
            String file = e.path("file").asText();
            row.put("message", e.path("message").asText().replace(file, fileName(file)));
        }
        return rows;
    }

    /** The record of the batch's report at this index (its line of records.jsonl), with its file's upload name. */
    Optional<JsonNode> record(Path batch, int index) throws IOException {
        Path file = batch.resolve("out").resolve("records.jsonl");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int i = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                if (i++ == index) {
                    ObjectNode n = (ObjectNode) JSON.readTree(line);
                    String path = n.path("source").path("file").asText();
                    n.put("name", fileName(path));
                    n.put("file_number", fileNumber(batch, path));
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    private static final java.util.concurrent.ExecutorService RENDERING = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "page-images");
        t.setDaemon(true);
        return t;
    });

    /**
     * Page {@code page} of the batch's PDF number {@code n} as a PNG at {@link PageImages#DEFAULT_DPI}, rendered once
     * and kept beside the batch's outputs; empty when that file is not a PDF of the batch that its run read into a
     * record (a file the workers could not read is not opened here). A page that takes longer than 30 s to draw is
     * given up.
     *
     * @throws IllegalArgumentException the PDF has no such page (the message says how many it has)
     * @throws IOException              the PDF cannot be drawn (damaged, encrypted: the reader's message)
     */
    Optional<byte[]> pageImage(Path batch, int n, int page) throws IOException {
        Path folder = batch.resolve("input").resolve(String.valueOf(n));
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Path file;
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            file = s.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
                    .findFirst().orElse(null);
        }
        if (file == null) {
            return Optional.empty();
        }
        if (!readAsReport(batch, n)) {
            return Optional.empty(); // a file the workers could not read is never opened in the server's process
        }
        Path cached = batch.resolve("pages").resolve(n + "-" + page + ".png");
        if (Files.isRegularFile(cached)) {
            return Optional.of(Files.readAllBytes(cached));
        }
        java.util.concurrent.Future<PageImages.PageImage> drawing = RENDERING.submit(
                () -> PageImages.render(file, file.getFileName().toString(), page));
        PageImages.PageImage image;
        try {
            image = drawing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            drawing.cancel(true);
            throw new IOException(file.getFileName() + ": page " + page + " took more than 30 s to draw; it is not shown");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
        Files.createDirectories(cached.getParent());
        Path tmp = cached.resolveSibling(cached.getFileName() + ".tmp");
        Files.write(tmp, image.png());
        Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(image.png());
    }

    /** Whether the batch's file number {@code n} was read by a worker into a record (not listed in errors.jsonl). */
    private static boolean readAsReport(Path batch, int n) throws IOException {
        for (String line : lines(batch.resolve("out").resolve("records.jsonl"))) {
            if (fileNumber(batch, JSON.readTree(line).path("source").path("file").asText()) == n) {
                return true;
            }
        }
        return false;
    }

    /** The number of the upload folder a stored file is in (input/<n>/name), or -1. */
    static int fileNumber(Path batch, String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        Path input = batch.resolve("input").toAbsolutePath().normalize();
        if (p.startsWith(input) && p.getNameCount() == input.getNameCount() + 2) {
            try {
                return Integer.parseInt(p.getName(input.getNameCount()).toString());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    static JsonNode field(JsonNode record, String key) {
        return JsonRecords.field(record, key);
    }

    private static String fileName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
