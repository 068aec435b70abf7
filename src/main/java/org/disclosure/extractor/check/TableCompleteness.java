package org.disclosure.extractor.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.tables.TableGrammar;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;

/**
 * Whether a volume of tables holds its standard set (grammars/form_checks.yaml `complete_sets`): each table of a
 * final account's nine 公开表 (or a budget's set) printed, or declared empty. A table missing is a `warning`
 * naming it. Volumes without tables (a 情况说明 whose tables are published apart) are not judged.
 */
final class TableCompleteness {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern CONTENTS_TITLE = Pattern.compile("^(?:目录|目次)[：:]?$");
    /** Dot leaders and a page number after an entry. */
    private static final Pattern ENTRY_END = Pattern.compile("[.…·\\-_]*[0-9]{0,3}$");
    private static final Pattern LEAD = Pattern.compile("^(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|(?:公开|预算|决算|附)?[0-9]{1,2}(?:-[0-9])?表[：:]?|表[0-9]{1,2}[：:、.．]?)");
    private static final Pattern KEY_NOISE = Pattern.compile("20[0-9]{2}年度?|部门|单位|情况|总体|[市区县]级|本级|财政拨款|预算|表$|[“”\"]");
    /** A part heading that lists the tables as a whole, not one of them. */
    private static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分|(?:部门|单位)(?:综合)?(?:预算|决算)(?:公开)?(?:报)?表$");
    private static final Pattern QUOTES = Pattern.compile("[“”\"]");
    private static final int CONTENTS_SEARCH = 80;
    private static final int ENTRY_LENGTH = 40;
    private static final int TITLE_LENGTH = 60;

    private final Map<String, List<String>> sets = new HashMap<>();
    private final Pattern emptyWords;
    private final Map<String, Pattern> familyWords = new HashMap<>();
    private final Map<String, TableGrammar.Family> families = new LinkedHashMap<>();
    private final Map<String, Pattern> alternatives = new HashMap<>();
    private final Map<String, Map<String, String>> names = new HashMap<>();

    private TableCompleteness(JsonNode root, TableGrammar grammar) {
        root.path("complete_sets").fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(n -> ids.add(n.asText()));
            sets.put(e.getKey(), ids);
        });
        emptyWords = Pattern.compile(root.path("empty_words").asText("(?!)"));
        root.path("family_words").fields().forEachRemaining(e -> familyWords.put(e.getKey(), Pattern.compile(e.getValue().asText())));
        grammar.families().forEach(f -> families.put(f.id(), f));
        root.path("alternatives").fields().forEachRemaining(e -> alternatives.put(e.getKey(), Pattern.compile(e.getValue().asText())));
        root.path("names").fields().forEachRemaining(k -> {
            Map<String, String> byId = new HashMap<>();
            k.getValue().fields().forEachRemaining(e -> byId.put(e.getKey(), e.getValue().asText()));
            names.put(k.getKey(), byId);
        });
    }

    static TableCompleteness load() {
        try (InputStream in = GrammarFiles.open("form_checks.yaml")) {
            return new TableCompleteness(YAML.readTree(in), TableGrammar.standard());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form_checks.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    List<Finding> check(Document doc, ReportRecord record) {
        String kind = record.field("doc.kind").map(f -> String.valueOf(f.value())).orElse(null);
        String volume = record.field("doc.volume").map(f -> String.valueOf(f.value())).orElse(null);
        List<String> set = kind == null ? null : sets.get(kind);
        if (set == null || !("tables".equals(volume) || "both".equals(volume))) {
            return List.of();
        }
        Set<String> read = new HashSet<>();
        for (LineItem i : record.tables()) {
            read.add(i.table());
        }
        int[] toc = contents(doc);
        List<String> lines = lines(doc, toc);
        List<Finding> out = new ArrayList<>();
        Set<TableGrammar.Family> named = named(lines);
        Set<String> listed = listedButMissing(doc, toc, read, lines, named, out);
        for (String id : set) {
            TableGrammar.Family family = families.get(id);
            if (family == null || listed.contains(id) || read.contains(id) || named.contains(family)
                    || alternative(id, lines) || declaredEmpty(id, lines)) {
                continue;
            }
            String name = "《" + names.getOrDefault(kind, Map.of()).getOrDefault(id, id) + "》";
            out.add(new Finding("form/missing_table", "warning",
                    "报告未见" + name + "（" + id + "），也未说明该表为空。",
                    "The report has no " + id + " table (" + name + ") and does not say it is empty.",
                    List.of(new FieldValue("form/missing_table", id, null,
                            new Provenance(doc.file(), null, null, name, -1, -1, "form_checks/complete_sets"))),
                    null, null, null));
        }
        return out;
    }

    /**
     * The tables the contents list that the report does not hold: each entry ending in 表 must come back in the
     * body, as a table of its family or, for a table of no standard family, as a line holding its words.
     * Returns the families so reported.
     */
    private Set<String> listedButMissing(Document doc, int[] toc, Set<String> read, List<String> lines,
                                         Set<TableGrammar.Family> named, List<Finding> out) {
        Set<String> reported = new HashSet<>();
        if (toc == null) {
            return reported;
        }
        List<String> keys = lines.stream().filter(l -> l.length() <= TITLE_LENGTH && l.contains("表"))
                .map(TableCompleteness::key).toList();
        for (int i = toc[0]; i < toc[1]; i++) {
            Block b = doc.blocks().get(i);
            String entry = ENTRY_END.matcher(SPACE.matcher(b.text()).replaceAll("")).replaceFirst("");
            if (b.isTable() || !entry.endsWith("表") || PART.matcher(entry).find()) {
                continue;
            }
            TableGrammar.Family family = familyOf(entry);
            boolean present = family != null
                    ? read.contains(family.id()) || named.contains(family) || alternative(family.id(), lines)
                    : keys.stream().anyMatch(k -> sameTitle(key(entry), k));
            if (present) {
                continue;
            }
            boolean empty = family != null && declaredEmpty(family.id(), lines);
            if (family != null) {
                reported.add(family.id());
            }
            out.add(new Finding("form/listed_table_missing", "warning",
                    "目录列有“" + entry + "”（第" + (b.page() == null ? "?" : b.page()) + "页），但报告中未见该表"
                            + (empty ? "（正文说明无相关收支，该表应以空表列出）。" : "。"),
                    "The contents list \"" + entry + "\" but the report does not hold that table"
                            + (empty ? " (the text says it is empty; it should still be printed)." : "."),
                    List.of(new FieldValue("form/listed_table", entry, null, new Provenance(doc.file(), b.page(), null,
                            b.text(), 0, b.text().length(), "form_checks/contents"))),
                    null, null, null));
        }
        return reported;
    }

    /** An entry's words for finding it again: no numbering, year, 部门/单位, 情况, 总体, 财政拨款, 预算 or quotes. */
    private static String key(String line) {
        return KEY_NOISE.matcher(LEAD.matcher(line).replaceFirst("")).replaceAll("");
    }

    /**
     * A title line of the body is the entry's table: the words of one hold the other's, or all but two of the
     * entry's words stand in it in order (政府采购支出预算表 listed, 江苏省高级人民法院部门政府采购预算表 printed).
     */
    private static boolean sameTitle(String entry, String line) {
        if (entry.isEmpty() || line.isEmpty()) {
            return false;
        }
        return line.contains(entry) || line.length() >= 4 && entry.contains(line)
                || common(entry, line) >= Math.max(4, entry.length() - 2);
    }

    /** The longest common subsequence of two short strings. */
    private static int common(String a, String b) {
        int[][] n = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                n[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? n[i - 1][j - 1] + 1 : Math.max(n[i - 1][j], n[i][j - 1]);
            }
        }
        return n[a.length()][b.length()];
    }

    /**
     * The blocks of the contents, [from, to): after a 目录 line near the start, the short lines that follow, up to
     * a table, a sentence, or a line repeating an entry (the body beginning). Null where there is no 目录.
     */
    static int[] contents(Document doc) {
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < Math.min(blocks.size(), CONTENTS_SEARCH); i++) {
            if (!CONTENTS_TITLE.matcher(SPACE.matcher(blocks.get(i).text()).replaceAll("")).matches()) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            int j = i + 1;
            for (; j < blocks.size(); j++) {
                Block b = blocks.get(j);
                String t = SPACE.matcher(b.text()).replaceAll("");
                String k = LEAD.matcher(ENTRY_END.matcher(t).replaceFirst("")).replaceFirst("");
                if (b.isTable() || t.length() > ENTRY_LENGTH && !t.startsWith("注") || !k.isEmpty() && !seen.add(k)) {
                    break;
                }
            }
            return new int[]{i, j};
        }
        return null;
    }

    /** Every line of the document outside its contents, and every cell of its tables, without spaces. */
    private static List<String> lines(Document doc, int[] toc) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < doc.blocks().size(); i++) {
            if (toc != null && i >= toc[0] && i < toc[1]) {
                continue;
            }
            Block b = doc.blocks().get(i);
            if (b.isTable()) {
                for (List<Cell> row : b.table().rows()) {
                    for (Cell c : row) {
                        out.add(QUOTES.matcher(SPACE.matcher(c.text()).replaceAll("")).replaceAll(""));
                    }
                }
            } else {
                for (String line : b.text().split("\n")) {
                    out.add(QUOTES.matcher(SPACE.matcher(line).replaceAll("")).replaceAll(""));
                }
            }
        }
        return out;
    }

    /**
     * The families some line names: each line names the family whose title matches it longest (一般公共预算财政拨款
     * 基本支出决算表 is not 支出决算表). Every title names 表, so a line without it names none.
     */
    private Set<TableGrammar.Family> named(List<String> lines) {
        Set<TableGrammar.Family> out = new HashSet<>();
        for (String l : lines) {
            if (l.indexOf('表') >= 0) {
                TableGrammar.Family f = familyOf(l);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private TableGrammar.Family familyOf(String line) {
        TableGrammar.Family best = null;
        int longest = 0;
        for (TableGrammar.Family f : families.values()) {
            for (Pattern title : f.titles()) {
                Matcher m = title.matcher(line);
                if (m.find() && m.end() - m.start() > longest) {
                    longest = m.end() - m.start();
                    best = f;
                }
            }
        }
        return best;
    }

    /** A sentence saying the table, or the money it would show, is nil ("本部门无政府性基金预算…"). */
    private boolean declaredEmpty(String id, List<String> lines) {
        Pattern own = familyWords.get(id);
        if (own == null) {
            return false;
        }
        for (String line : lines) {
            for (String sentence : line.split("[。；;]")) {
                if (own.matcher(sentence).find() && emptyWords.matcher(sentence).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean alternative(String id, List<String> lines) {
        Pattern p = alternatives.get(id);
        return p != null && lines.stream().anyMatch(l -> p.matcher(l).find());
    }
}
