package org.disclosure.extractor.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.IdentityExtractor.Line;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.text.Divisions;
import org.disclosure.extractor.text.Divisions.Division;
import org.disclosure.extractor.text.Divisions.Level;

/**
 * Where a department is (doc.region.province, .city, .county and the GB/T 2260 .code): the place its name opens
 * with (江苏省高级人民法院 → 江苏省 320000; 福州市公安局交通管理支队 → 福建省 福州市 350100), settled where the name alone
 * does not say it (普陀区财政局, 省检察院, 万里街道办事处) by the places the report's text names; a central
 * department's (国家信访局) gets none. Each value says where it was read; the wording is grammars/regions.yaml.
 */
final class Regions {

    private record LevelWord(Pattern pattern, Level level) {
    }

    /** A division the report names, where, and how it was found (the rule's suffix: department-name, report-text). */
    private record Named(Division division, Provenance where, String how) {
    }

    private final Divisions divisions;
    private final List<String> beforePlace;
    private final List<String> central;
    private final List<LevelWord> levelWords;
    private final Pattern township;
    private final Pattern notShortForms;
    private final Map<String, List<Division>> shortForms = new HashMap<>();
    private final Map<String, Division> provinceShortForms = new HashMap<>();

    private Regions(Divisions divisions, JsonNode yaml) {
        this.divisions = divisions;
        this.beforePlace = strings(yaml.path("before_place")).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.central = strings(yaml.path("central"));
        List<LevelWord> words = new ArrayList<>();
        yaml.path("level_words").forEach(n -> words.add(new LevelWord(Pattern.compile(n.path("pattern").asText()),
                Level.valueOf(n.path("level").asText().toUpperCase(Locale.ROOT)))));
        this.levelWords = List.copyOf(words);
        this.township = Pattern.compile(yaml.path("township").asText());
        this.notShortForms = Pattern.compile(yaml.path("not_short_forms").asText());
        List<String> endings = strings(yaml.path("short_form_endings"));
        for (Division d : divisions.all()) {
            if (d.level() == Level.COUNTY) {
                continue;
            }
            endings.stream().filter(e -> d.name().endsWith(e) && d.name().length() - e.length() >= 2).findFirst()
                    .map(e -> d.name().substring(0, d.name().length() - e.length())).ifPresent(s -> {
                        shortForms.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
                        if (d.level() == Level.PROVINCE) {
                            provinceShortForms.put(s, d);
                        }
                    });
        }
    }

    private static final class Holder {
        static final Regions STANDARD = load();
    }

    static Regions standard() {
        return Holder.STANDARD;
    }

    /** The region fields of a report by the named department; none for a central department or a place not known. */
    List<FieldValue> find(Document doc, List<Line> lines, FieldValue department) {
        String name = String.valueOf(department.value());
        Supplier<PlacesInText> text = memo(() -> PlacesInText.read(lines, divisions, provinceShortForms));
        int at = beforePlace.stream().filter(name::startsWith).findFirst().map(String::length).orElse(0);
        List<Divisions.Name> chain = divisions.chainAt(name, at);
        if (chain.isEmpty()) {
            chain = shortFormAt(name, at, text);
        }
        if (!chain.isEmpty()) {
            List<Named> named = new ArrayList<>();
            Divisions.Name last = chain.get(chain.size() - 1);
            for (Divisions.Name n : chain.subList(0, chain.size() - 1)) {
                named.add(new Named(n.candidates().get(0), inName(department, name, n), "department-name"));
            }
            Provenance lastWhere = inName(department, name, last);
            if (last.candidates().size() == 1 && (chain.size() > 1 || last.candidates().get(0).level() != Level.COUNTY)) {
                named.add(new Named(last.candidates().get(0), lastWhere, "department-name"));
                return fields(named);
            }
            // a place named alone: the report's text says which of its namesakes it is (上海市 for 普陀区)
            Optional<PlacesInText.Backed> backed = text.get().backing(last.candidates());
            if (backed.isPresent()) {
                named.add(new Named(backed.get().division(), lastWhere, "department-name"));
                PlacesInText.Mention m = backed.get().mention();
                if (!m.division().equals(backed.get().division())) {
                    named.add(0, new Named(m.division(), inText(doc, m), "report-text"));
                }
                return fields(named);
            }
            boolean sure = last.candidates().size() == 1 && last.end() - last.start() > 2;
            if (sure) {
                named.add(new Named(last.candidates().get(0), lastWhere, "department-name"));
                return fields(named);
            }
            return shared(last, lastWhere);
        }
        if (central.stream().anyMatch(name::startsWith)) {
            return List.of();
        }
        String rest = name.substring(at);
        Optional<Level> level = Optional.empty();
        int word = 0; // the level word's characters (省 of 省检察院)
        for (LevelWord w : levelWords) {
            java.util.regex.Matcher m = w.pattern().matcher(rest);
            if (level.isEmpty() && m.find()) {
                level = Optional.of(w.level());
                word = m.end();
            }
        }
        if (level.isEmpty() && township.matcher(rest).find()) {
            level = Optional.of(Level.COUNTY);
        }
        Optional<PlacesInText.Mention> before = placeBefore(rest, word, text.get());
        if (before.isPresent()) {
            return fields(List.of(new Named(before.get().division(), inText(doc, before.get()), "report-text")));
        }
        return level.flatMap(l -> commonest(text.get(), l))
                .map(b -> fields(List.of(new Named(b.division(), inText(doc, b.mention()), "report-text"))))
                .orElse(List.of());
    }

    /** The place of the level the text names most; for a city's word (市财政局) in a 直辖市's report, the 直辖市. */
    private static Optional<PlacesInText.Backed> commonest(PlacesInText text, Level level) {
        Optional<PlacesInText.Backed> found = text.commonest(level);
        if (found.isEmpty() && level == Level.CITY) {
            return text.commonest(Level.PROVINCE).filter(b -> b.division().name().endsWith("市"));
        }
        return found;
    }

    /**
     * A province's or city's short form opening the name (上海水产老干部活动室), read as the place the report names in
     * full (上海市); none for a name that carries a place's name as an institution's (中山大学).
     */
    private List<Divisions.Name> shortFormAt(String name, int at, Supplier<PlacesInText> text) {
        if (notShortForms.matcher(name).find()) {
            return List.of();
        }
        for (int len = Math.min(name.length() - at, 8); len >= 2; len--) {
            List<Division> found = shortForms.get(name.substring(at, at + len));
            if (found != null) {
                List<Division> inFull = found.stream().filter(d -> text.get().namesInFull(d)).toList();
                return inFull.size() == 1 ? List.of(new Divisions.Name(at, at + len, inFull)) : List.of();
            }
        }
        return List.of();
    }

    /**
     * The place the report's text writes right before the department's name (福州市 in 福州市公安局交通管理支队2026年
     * 单位预算 for 公安局交通管理支队, 上海市普陀区 before 万里街道办事处), or before its level word (江苏 in 江苏省检察院).
     */
    private static Optional<PlacesInText.Mention> placeBefore(String name, int word, PlacesInText text) {
        for (PlacesInText.Mention m : text.mentions()) {
            if (m.division() == null) {
                continue;
            }
            String t = m.line().text();
            boolean own = t.startsWith(name, m.end());
            boolean viaLevel = word > 0 && m.end() - m.start() > word && t.startsWith(name.substring(word), m.end())
                    && t.substring(m.end() - word, m.end()).equals(name.substring(0, word));
            if (own || viaLevel) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The fields of a place: its own level and those above it (from the division table), and its code. */
    private List<FieldValue> fields(List<Named> named) {
        Named deepest = named.stream().max(Comparator.comparingInt(n -> n.division().level().ordinal())).orElseThrow();
        List<FieldValue> out = new ArrayList<>();
        for (Level level : Level.values()) {
            divisions.at(deepest.division(), level).ifPresent(d -> {
                String key = key(level);
                Named own = named.stream().filter(n -> n.division().equals(d)).findFirst().orElse(null);
                out.add(own != null ? value(key, d.name(), own.where(), own.how())
                        : value(key, d.name(), deepest.where(), "division-table"));
            });
        }
        out.add(value("doc.region.code", deepest.division().code(), deepest.where(), "division-table"));
        return out;
    }

    /** What the namesakes of a place named alone (鼓楼区) share: its own name, and a province or city all lie in; no code. */
    private List<FieldValue> shared(Divisions.Name place, Provenance where) {
        List<FieldValue> out = new ArrayList<>();
        if (place.candidates().size() == 1) { // a short name (东区, 新县) nothing in the report confirms: its own name only
            Division d = place.candidates().get(0);
            return List.of(value(key(d.level()), d.name(), where, "department-name"));
        }
        for (Level level : Level.values()) {
            List<Division> at = place.candidates().stream().map(c -> divisions.at(c, level).orElse(null)).distinct().toList();
            if (at.size() == 1 && at.get(0) != null) {
                String how = place.candidates().contains(at.get(0)) ? "department-name" : "division-table";
                out.add(value(key(level), at.get(0).name(), where, how));
            } else if (place.candidates().stream().allMatch(c -> c.level() == level)) {
                out.add(value(key(level), place.candidates().get(0).name(), where, "department-name"));
            }
        }
        return out;
    }

    private static String key(Level level) {
        return "doc.region." + level.name().toLowerCase(Locale.ROOT);
    }

    private static FieldValue value(String key, String value, Provenance where, String how) {
        return new FieldValue(key, value, null, new Provenance(where.file(), where.page(), where.section(), where.text(),
                where.spanStart(), where.spanEnd(), key + "/" + how));
    }

    /** Where a place of the department's name is: the department's own sentence, with the place's characters. */
    private static Provenance inName(FieldValue department, String name, Divisions.Name place) {
        Provenance p = department.provenance();
        String piece = name.substring(place.start(), place.end());
        int from = p.text().indexOf(piece, Math.max(0, p.spanStart()));
        if (from < 0) {
            from = p.text().indexOf(piece);
        }
        return from < 0 ? p : new Provenance(p.file(), p.page(), p.section(), p.text(), from, from + piece.length(), p.rule());
    }

    private static Provenance inText(Document doc, PlacesInText.Mention m) {
        return IdentityExtractor.field(doc, "doc.region", m.division().name(), m.line(), m.start(), m.end(), "").provenance();
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        Object[] held = new Object[1];
        return () -> {
            if (held[0] == null) {
                held[0] = s.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) held[0];
            return t;
        };
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Regions load() {
        try (InputStream in = GrammarFiles.open("regions.yaml")) {
            return new Regions(Divisions.standard(), new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read regions.yaml from the " + GrammarFiles.origin(), e);
        }
    }
}
