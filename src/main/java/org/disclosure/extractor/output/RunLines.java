package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
                        JsonNode json = parse(line.toByteArray());
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

    /** Reads back the line found at {@code offset} by {@link #forEach}. */
    static JsonNode read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file got shorter while its tables were written");
            }
        }
        JsonNode json = parse(buffer.array());
        if (json == null) {
            throw new IOException("a line changed while its tables were written");
        }
        return json;
    }

    static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            JsonNode json = EXACT.readTree(bytes);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }
}
