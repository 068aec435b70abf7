package org.disclosure.extractor.extract;

import org.disclosure.extractor.GrammarFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the field grammars: the YAML files with rules of the grammars folder (see {@link GrammarFiles}: the
 * repo's grammars/ copied into the program at build time, or a --grammars folder). A grammar that does not load
 * stops the program with the file and the reason.
 */
public final class Grammars {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile List<Grammar> bundled;

    private Grammars() {
    }

    /** The grammars bundled with the program. */
    public static List<Grammar> bundled() {
        if (bundled == null) {
            synchronized (Grammars.class) {
                if (bundled == null) {
                    bundled = loadBundled();
                }
            }
        }
        return bundled;
    }

    private static List<Grammar> loadBundled() {
        String dir = System.getProperty(GrammarFiles.PROPERTY);
        try {
            if (dir != null && !dir.isBlank()) {
                return load(Path.of(dir));
            }
            Path location = Path.of(Grammars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return load(location.resolve("grammars"));
            }
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(location)) {
                return load(jar.getPath("/grammars"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grammars from the " + GrammarFiles.origin(), e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids of the rules whose wording is ambiguous: their values are not used to accuse a report. */
    public static java.util.Set<String> looseRules() {
        java.util.Set<String> ids = new HashSet<>();
        bundled().forEach(g -> g.rules().stream().filter(GrammarRule::loose).forEach(r -> ids.add(r.id())));
        return ids;
    }

    /** Loads every field grammar (a *.yaml with rules) of a folder, in name order. */
    public static List<Grammar> load(Path dir) throws IOException {
        List<Grammar> grammars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("sections.yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    JsonNode root = YAML.readTree(in);
                    if (root != null && root.has("rules")) { // other files of grammars/ hold sections, tables, checks
                        grammars.add(parse(p.getFileName().toString(), root));
                    }
                }
            }
        }
        return grammars;
    }

    static Grammar parse(String file, JsonNode root) {
        String name = file.replaceFirst("\\.yaml$", "");
        List<String> sections = strings(root.path("sections"));
        Set<String> kinds = new HashSet<>(strings(root.path("kinds")));
        String unit = root.path("unit").asText("万元");
        List<GrammarRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String id = r.path("id").asText(null);
            if (id == null) {
                throw new IllegalArgumentException(file + ": a rule has no id");
            }
            List<GrammarRule.Example> examples = new ArrayList<>();
            for (JsonNode e : r.path("examples")) {
                examples.add(new GrammarRule.Example(e.path("text").asText(), values(e.path("expect")), strings(e.path("absent"))));
            }
            try {
                rules.add(GrammarRule.compile(id, r.path("match").asText(), values(r.path("set")),
                        new HashSet<>(strings(r.path("kinds"))), r.path("loose").asBoolean(false),
                        r.path("section_only").asBoolean(false), examples));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return new Grammar(name, sections, kinds, unit, root.path("fills_gaps").asBoolean(false), rules);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String type = FieldDictionary.field(e.getKey()).map(FieldDictionary.Field::type).orElse("string");
            Object value = type.equals("integer") ? (Object) v.asInt()
                    : v.isNumber() ? new BigDecimal(v.asText()) : v.asText();
            out.put(e.getKey(), value);
        }
        return out;
    }
}
