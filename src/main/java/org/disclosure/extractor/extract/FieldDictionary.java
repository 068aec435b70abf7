package org.disclosure.extractor.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keys a record can carry, in order, with their types and labels (src/main/resources/fields.tsv). */
public final class FieldDictionary {

    /**
     * One key of the dictionary; {@code projectOnly} for a key of this project beyond the shared schema (a fifth
     * column `project`), which gold records do not hold and evaluation does not score.
     */
    public record Field(String key, String type, String zh, String meaning, boolean projectOnly) {
    }

    private static final List<Field> FIELDS = load();

    private FieldDictionary() {
    }

    public static List<Field> fields() {
        return FIELDS;
    }

    public static Optional<Field> field(String key) {
        return FIELDS.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static List<Field> load() {
        List<Field> fields = new ArrayList<>();
        try (InputStream in = FieldDictionary.class.getResourceAsStream("/fields.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split("\t", -1);
                if (p.length >= 4 && !p[0].isBlank()) {
                    fields.add(new Field(p[0], p[1], p[2], p[3], p.length > 4 && p[4].strip().equals("project")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(fields);
    }
}
