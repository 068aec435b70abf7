package org.disclosure.extractor.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

/**
 * The whole lines of a run's JSON Lines file (records.jsonl, errors.jsonl) read as JSON, each with where it lies in
 * the file, so that a table can go back for one record's line without holding them all. A last line without its
 * newline (a run killed mid-write) and a line that is not JSON are passed over, as {@link OutputFolder} drops them.
 * Numbers are read as written: 10.00 stays 10.00 (BigDecimal with its scale), never a double.
 */
final class RunLines {

    /** Reads numbers exactly, keeping the scale a line writes them with. */
    static final ObjectMapper EXACT = JsonRecords.MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** What is done with each line read. */
    interface Visitor {
        void line(JsonNode json, long offset, int length) throws IOException;
    }

    private RunLines() {
    }

    /** Visits every whole line of the file that is a JSON object, in file order; a missing file has none. */
    static void forEach(Path file, Visitor visitor) throws IOException {
        forEach(file, name -> true, visitor);
    }

    /**
     * Visits every whole line of the file that is a JSON object, in file order, with only the top-level members
     * {@code wanted} (a record's line items are most of its line: what does not need them passes them over).
     */
    static void forEach(Path file, Predicate<String> wanted, Visitor visitor) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 14);
            byte[] buffer = new byte[1 << 16];
            long start = 0;
            long read = 0;
            for (int n; (n = in.read(buffer)) >= 0; read += n) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        JsonNode json = parse(line.toByteArray(), wanted);
                        if (json != null) {
                            visitor.line(json, start, line.size());
                        }
                        line.reset();
                        from = i + 1;
                        start = read + from;
                    }
                }
                line.write(buffer, from, n - from);
            }
        }
    }

    /** Reads back the line found at {@code offset} by {@link #forEach}, with only the top-level members wanted. */
    static JsonNode read(FileChannel channel, long offset, int length, Predicate<String> wanted) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file got shorter while its tables were written");
            }
        }
        JsonNode json = parse(buffer.array(), wanted);
        if (json == null) {
            throw new IOException("a line changed while its tables were written");
        }
        return json;
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** A JSON object with the members wanted, or null where the bytes are not one. */
    private static JsonNode parse(byte[] bytes, Predicate<String> wanted) {
        try (JsonParser p = EXACT.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode json = EXACT.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (wanted.test(name)) {
                    json.set(name, EXACT.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null ? json : null;
        } catch (IOException e) {
            return null;
        }
    }
}
