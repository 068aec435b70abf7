package org.disclosure.extractor.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.SectionTree;

/**
 * The narrative's line items (grammars/narrative_items.yaml): paragraphs that explain one 类/款/项 each,
 * read into {@link LineItem}s of table "narrative" with one amount per stated column (年初预算数, 决算数,
 * 完成率, 上年执行数, 预算数, 增减率 …), each with the span it was read from.
 */
public final class NarrativeItems {

    /** One parsed item paragraph: its row and the values of its columns. */
    public record Item(String code, String name, Map<String, GrammarRule.Hit> columns, Block block) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String table;
    private final List<String> sections;
    private final Pattern row;
    private final Pattern itemOpening;
    private final List<GrammarRule> columns;
    private final JsonNode examples;

    private NarrativeItems(JsonNode root) {
        table = root.path("table").asText("narrative");
        sections = new ArrayList<>();
        root.path("sections").forEach(n -> sections.add(n.asText()));
        row = Pattern.compile(root.path("row").asText());
        itemOpening = Pattern.compile(root.path("item_opening").asText("(?!)"));
        columns = new ArrayList<>();
        for (JsonNode c : root.path("columns")) {
            columns.add(GrammarRule.compile("narrative_items/" + c.path("id").asText(), c.path("match").asText(),
                    null, null, false, false, null));
        }
        examples = root.path("examples");
    }

    /** Loads narrative_items.yaml (see {@link GrammarFiles}). */
    public static NarrativeItems load() {
        try (InputStream in = GrammarFiles.open("narrative_items.yaml")) {
            return new NarrativeItems(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read narrative_items.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    JsonNode examples() {
        return examples;
    }

    /** Whether a paragraph is about one classification item (its figures are the item's, not the department's). */
    public boolean opensItem(String paragraph) {
        return itemOpening.matcher(paragraph).lookingAt() || row.matcher(paragraph).lookingAt();
    }

    /** Parses one paragraph; null when it does not begin with a 类/款/项 name. */
    public Item parse(String text, Block block) {
        Matcher m = row.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        String code = "";
        if (m.group("classcode") != null && m.group("kuancode") != null && m.group("xiangcode") != null) {
            code = m.group("classcode") + m.group("kuancode") + m.group("xiangcode");
        }
        String rest = text.substring(m.end());
        Map<String, GrammarRule.Hit> values = new LinkedHashMap<>();
        for (GrammarRule column : columns) {
            for (GrammarRule.Hit hit : column.read(rest, "万元")) {
                values.putIfAbsent(hit.key(), new GrammarRule.Hit(hit.key(), hit.value(), hit.type(),
                        hit.start() + m.end(), hit.end() + m.end()));
            }
        }
        return new Item(code, m.group("xiang").strip(), values, block);
    }

    /** The line items of a document's item paragraphs in the sections this grammar is keyed on. */
    public List<LineItem> read(Document doc, SectionTree tree) {
        List<Block> blocks = doc.blocks();
        boolean keyed = sections.stream().anyMatch(s -> !tree.withCanonical(s).isEmpty());
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.isTable() || tree.scopeOf(i) != Scope.MAIN) {
                continue;
            }
            if (keyed && tree.canonicalPathOf(i).stream().noneMatch(sections::contains)) {
                continue;
            }
            Item item = parse(b.text(), b);
            if (item == null) {
                continue;
            }
            String section = tree.pathOf(i);
            for (GrammarRule.Hit hit : item.columns().values()) {
                if (!(hit.value() instanceof BigDecimal amount)) {
                    continue;
                }
                items.add(new LineItem(table, "", b.page(), item.code(), item.name(), hit.key(), amount,
                        new Provenance(doc.file(), b.page(), section.isEmpty() ? null : section, b.text(),
                                hit.start(), hit.end(), "narrative_items/" + hit.key())));
            }
        }
        return items;
    }
}
