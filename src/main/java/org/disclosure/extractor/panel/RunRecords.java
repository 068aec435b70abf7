package org.disclosure.extractor.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of extract runs, read back from their records.jsonl (a run's folder or the file itself), numbers as
 * exact decimals. A line that is no record (torn by a killed run, or not JSON) is skipped and said.
 *
 * @param records  the records, in the order the runs and their lines give them
 * @param problems one message per line skipped: "path:line: what is wrong; line skipped"
 */
public record RunRecords(List<JsonNode> records, List<String> problems) {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    public RunRecords {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** The records file of a run given as its folder or as the file. */
    public static Path recordsFile(Path run) {
        return Files.isDirectory(run) ? run.resolve("records.jsonl") : run;
    }

    /** Reads the runs; each must be a folder holding records.jsonl, or a records file (checked by the caller). */
    public static RunRecords read(List<Path> runs) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path run : runs) {
            Path file = recordsFile(run);
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = JSON.readTree(line);
                        if (node.isObject() && node.has("source")) {
                            records.add(node);
                        } else {
                            problems.add(file + ":" + n + ": not a record as extract writes them (no source); line skipped");
                        }
                    } catch (JsonProcessingException e) {
                        problems.add(file + ":" + n + ": not a record as extract writes them (" + e.getOriginalMessage()
                                + "); line skipped");
                    }
                }
            }
        }
        return new RunRecords(records, problems);
    }
}
