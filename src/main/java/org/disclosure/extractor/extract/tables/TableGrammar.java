package org.disclosure.extractor.extract.tables;

import org.disclosure.extractor.GrammarFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the program knows about the standard tables, from {@code grammars/tables.yaml}: the table families with their
 * titles, labels and field mappings, and the words of headers, notes and unit notes. Read from the working
 * directory's {@code grammars/} where there is one (tests, development), else from the copy bundled in the jar.
 */
public record TableGrammar(Words words, List<Family> families) {

    static final String FILE = "grammars/tables.yaml";

    /** The header and note words shared by every family. */
    public record Words(Pattern code, Pattern codePart, Pattern name, Pattern rowNumber, Pattern blockWords,
                        Pattern mainColumn, Pattern otherYears, Pattern totalRow, Pattern totals, Pattern notes,
                        Pattern meta, Pattern unitNote, Pattern continued, Pattern carryOver, Pattern headerUnit,
                        Pattern budgetColumn) {
    }

    /**
     * One table family.
     *
     * @param id      canonical id (income_expenditure_total, three_public …)
     * @param titles  title patterns, found anywhere in a title line
     * @param labels  label patterns (公开05表)
     * @param headers sets of words that together identify the table from its header when it has no title
     * @param fields  cell-to-field mappings, in priority order
     */
    public record Family(String id, List<Pattern> titles, List<Pattern> labels, List<List<String>> headers,
                         List<FieldMapping> fields) {
    }

    /**
     * A mapping from a (row, column) of a family's table to a field key. A null row means the table's total row, a
     * null column its main amount column (see {@link Words}); {@code unless} excludes columns, {@code unlessTable}
     * tables with such a column (a 三公 table that also holds 会议费 has a 合计 that is not the 三公 total);
     * {@code withRow} and {@code withoutRow} keep to tables that have, or have not, a row of figures so named (江苏's
     * 收入合计 is the grand total where a 当年收入小计 row above it is the year's income); {@code first}: only the
     * first row so named is read (深圳's tables open on the department's own row, its units' rows below); empty kinds:
     * all.
     */
    public record FieldMapping(String key, Pattern row, Pattern column, Pattern unless, Pattern unlessTable,
                               Pattern withRow, Pattern withoutRow, boolean first, Set<String> kinds) {

        public boolean appliesTo(String kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final class Holder {
        static final TableGrammar STANDARD = loadStandard();
    }

    /** The grammar of the program's grammars (see {@link GrammarFiles}); loaded once. */
    public static TableGrammar standard() {
        return Holder.STANDARD;
    }

    private static TableGrammar loadStandard() {
        try (InputStream in = GrammarFiles.open("tables.yaml")) {
            return parse(FILE, YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + " from the " + GrammarFiles.origin(), e);
        }
    }

    public static TableGrammar load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), YAML.readTree(in));
        }
    }

    static TableGrammar parse(String file, JsonNode root) {
        try {
            JsonNode columns = root.path("columns");
            Words words = new Words(required(columns, "code"), required(columns, "code_part"),
                    required(columns, "name"), required(columns, "row_number"), required(root, "block_words"),
                    required(root, "main_column"), required(root, "other_years"), required(root, "total_row"),
                    required(root, "totals"),
                    required(root, "notes"),
                    required(root, "meta"), required(root, "unit_note"), required(root, "continued"),
                    optional(root, "carry_over"), optional(root, "header_unit"), optional(root, "budget_column"));
            List<Family> families = new ArrayList<>();
            for (JsonNode f : root.path("families")) {
                String id = f.path("id").asText(null);
                if (id == null) {
                    throw new IllegalArgumentException("a family has no id");
                }
                List<FieldMapping> fields = new ArrayList<>();
                for (JsonNode m : f.path("fields")) {
                    String key = m.path("key").asText(null);
                    if (key == null) {
                        throw new IllegalArgumentException(id + ": a field mapping has no key");
                    }
                    fields.add(new FieldMapping(key, optional(m, "row"), optional(m, "column"), optional(m, "unless"),
                            optional(m, "unless_table"), optional(m, "with_row"), optional(m, "without_row"),
                            m.path("first").asBoolean(false),
                            Set.copyOf(strings(m.path("kinds")))));
                }
                List<List<String>> headers = new ArrayList<>();
                f.path("headers").forEach(set -> headers.add(strings(set)));
                families.add(new Family(id, patterns(f.path("titles")), patterns(f.path("labels")),
                        List.copyOf(headers), List.copyOf(fields)));
            }
            return new TableGrammar(words, List.copyOf(families));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Pattern required(JsonNode node, String name) {
        Pattern p = optional(node, name);
        if (p == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return p;
    }

    private static Pattern optional(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : Pattern.compile(v.asText());
    }

    private static List<Pattern> patterns(JsonNode node) {
        return strings(node).stream().map(Pattern::compile).toList();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
