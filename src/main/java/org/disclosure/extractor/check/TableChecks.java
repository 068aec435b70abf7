package org.disclosure.extractor.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;

/**
 * The wordings of grammars/table_checks.yaml: which columns of a standard table are a row's total and its parts,
 * which rows a column's total; read once, shared between threads.
 */
record TableChecks(List<Rows> rows, Columns columns) {

    /** A row's total column = the sum of its part columns. */
    record Rows(Set<String> families, Pattern total, Pattern parts, Pattern partPieces, Pattern notParts) {
    }

    /** A column's total row = the sum of the rows it heads (类 = 款 …). */
    record Columns(Set<String> families, Pattern totalRow, Pattern notAmounts) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static TableChecks load() {
        try (InputStream in = GrammarFiles.open("table_checks.yaml")) {
            JsonNode root = YAML.readTree(in);
            List<Rows> rows = new ArrayList<>();
            for (JsonNode r : root.path("rows")) {
                rows.add(new Rows(strings(r.path("families")), p(r, "total"), p(r, "parts"), p(r, "part_pieces"),
                        p(r, "not_parts")));
            }
            JsonNode c = root.path("columns");
            return new TableChecks(rows, new Columns(strings(c.path("families")), p(c, "total_row"), p(c, "not_amounts")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table_checks.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    private static Pattern p(JsonNode n, String key) {
        return Pattern.compile(n.path(key).asText("(?!)"));
    }

    private static Set<String> strings(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
