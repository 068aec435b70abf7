package org.disclosure.extractor.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.Section;
import org.disclosure.extractor.outline.SectionTree;

/**
 * The form of a report (grammars/form_checks.yaml): a template's blanks left in (XX局, XXX万元), a title naming
 * another year than the report's, a 决算 volume whose titles call it 预算 or the reverse. Warnings, each with the
 * text quoted and its page and section. A title is judged against the report's year and kind only where most of
 * its titles agree with them (else the year or kind read for the report is what is in doubt).
 */
final class FormChecks {

    /** A title of the report or one of its tables, with where it stands. */
    private record Title(String text, Integer page, String section) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** How far into a document its cover title lines are looked for. */
    private static final int COVER = 8;
    private static final int LONGEST_TITLE = 60;
    private static final int MOST_PLACEHOLDERS = 5;

    private final List<Pattern> placeholders = new ArrayList<>();
    private final Pattern yearTitle;
    private final Pattern yearTitleExcept;
    private final Pattern finalTitle;
    private final Pattern budgetTitle;
    private final Pattern kindTitleForm;

    private FormChecks(JsonNode root) {
        root.path("placeholders").forEach(p -> placeholders.add(Pattern.compile(p.asText())));
        yearTitle = Pattern.compile(root.path("year_title").asText());
        yearTitleExcept = Pattern.compile(root.path("year_title_except").asText("(?!)"));
        finalTitle = Pattern.compile(root.path("final_title").asText());
        budgetTitle = Pattern.compile(root.path("budget_title").asText());
        kindTitleForm = Pattern.compile(root.path("kind_title_form").asText());
    }

    static FormChecks load() {
        try (InputStream in = GrammarFiles.open("form_checks.yaml")) {
            return new FormChecks(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form_checks.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    List<Finding> check(Document doc, SectionTree tree, ReportRecord record) {
        List<Finding> out = new ArrayList<>();
        placeholders(doc, tree, out);
        List<Title> titles = titles(doc, tree, record);
        record.field("doc.fiscal_year").map(f -> f.value()).filter(Integer.class::isInstance)
                .ifPresent(y -> years(titles, (Integer) y, doc.file(), out));
        record.field("doc.kind").map(f -> String.valueOf(f.value())).ifPresent(k -> kinds(titles, k, doc.file(), out));
        return out;
    }

    /** A template's blanks: a few in one report are blanks left in; very many make it a template (its own reason). */
    private void placeholders(Document doc, SectionTree tree, List<Finding> out) {
        List<Finding> found = new ArrayList<>();
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (tree.scopeOf(i) == Scope.APPENDIX) {
                continue;
            }
            for (Pattern p : placeholders) {
                Matcher m = p.matcher(b.text());
                if (m.find()) {
                    String section = tree.pathOf(i);
                    FieldValue v = new FieldValue("form/placeholder", m.group(), null, new Provenance(doc.file(), b.page(),
                            section.isEmpty() ? null : section, b.text(), m.start(), m.end(), "form_checks/placeholders"));
                    found.add(new Finding("form/placeholder", "warning",
                            "模板占位符未替换：“" + m.group() + "”（第" + page(b.page()) + "页" + where(section) + "）：" + excerpt(b.text(), m.start(), m.end()),
                            "A template placeholder was left in: \"" + m.group() + "\" (page " + page(b.page()) + ").",
                            List.of(v), null, null, null));
                    break;
                }
            }
        }
        if (found.size() <= MOST_PLACEHOLDERS) {
            out.addAll(found);
        } else {
            out.add(new Finding("form/placeholder", "warning",
                    "模板占位符未替换，共" + found.size() + "处，如" + found.get(0).messageZh().replaceFirst("^模板占位符未替换：", ""),
                    "Template placeholders were left in at " + found.size() + " places, e.g. "
                            + found.get(0).messageEn().replaceFirst("^A template placeholder was left in: ", ""),
                    found.stream().flatMap(f -> f.values().stream()).limit(MOST_PLACEHOLDERS).toList(), null, null, null));
        }
    }

    /** The titles of the report: its headings, its tables' titles, the short lines of its cover. */
    private List<Title> titles(Document doc, SectionTree tree, ReportRecord record) {
        Map<String, Title> titles = new LinkedHashMap<>();
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < Math.min(COVER, blocks.size()); i++) {
            Block b = blocks.get(i);
            if (!b.isTable() && b.text().strip().length() <= LONGEST_TITLE) {
                titles.putIfAbsent(b.text().strip(), new Title(b.text().strip(), b.page(), null));
            }
        }
        for (Section s : tree.sections()) {
            if (s.scope() == Scope.MAIN && s.heading().strip().length() <= LONGEST_TITLE) {
                titles.putIfAbsent(s.heading().strip(), new Title(s.heading().strip(), s.page(), String.join(" > ", s.path())));
            }
        }
        for (LineItem i : record.tables()) {
            if (!i.title().isBlank()) {
                titles.putIfAbsent(i.title().strip(), new Title(i.title().strip(), i.page(), null));
            }
        }
        return new ArrayList<>(titles.values());
    }

    /** Titles naming another year than the report's, where most titles naming a year name the report's. */
    private void years(List<Title> titles, int year, String file, List<Finding> out) {
        List<Title> named = new ArrayList<>();
        List<Title> other = new ArrayList<>();
        for (Title t : titles) {
            Matcher m = yearTitle.matcher(t.text());
            if (m.matches() && !yearTitleExcept.matcher(t.text()).find()) {
                named.add(t);
                if (Integer.parseInt(m.group("year")) != year) {
                    other.add(t);
                }
            }
        }
        if (other.isEmpty() || other.size() * 2 >= named.size()) {
            return;
        }
        for (Title t : other) {
            Matcher m = yearTitle.matcher(t.text());
            m.matches();
            out.add(new Finding("form/title_year", "warning",
                    "标题所写年度与报告年度" + year + "年不符：“" + t.text() + "”（第" + page(t.page()) + "页）。",
                    "A title names another year than the report's " + year + ": \"" + t.text() + "\" (page " + page(t.page()) + ").",
                    List.of(new FieldValue("form/title_year", Integer.parseInt(m.group("year")), null,
                            new Provenance(file, t.page(), t.section(), t.text(), m.start("year"), m.end("year"), "form_checks/year_title"))),
                    null, null, null));
        }
    }

    /** Titles calling a final account a budget or a budget a final account, where most titles name the report's kind. */
    private void kinds(List<Title> titles, String kind, String file, List<Finding> out) {
        if (!kind.equals("final_accounts") && !kind.equals("budget")) {
            return;
        }
        List<Title> agree = new ArrayList<>();
        List<Title> other = new ArrayList<>();
        for (Title t : titles) {
            if (!kindTitleForm.matcher(t.text()).find() || t.text().contains("预决算")) {
                continue;
            }
            String said = finalTitle.matcher(t.text()).find() ? "final_accounts"
                    : budgetTitle.matcher(t.text()).find() ? "budget" : null;
            if (said != null) {
                (said.equals(kind) ? agree : other).add(t);
            }
        }
        if (other.isEmpty() || other.size() * 2 >= agree.size() + other.size()) {
            return;
        }
        String own = kind.equals("budget") ? "预算" : "决算";
        String wrong = kind.equals("budget") ? "决算" : "预算";
        for (Title t : other) {
            out.add(new Finding("form/title_kind", "warning",
                    "本报告为" + own + "，标题却称" + wrong + "：“" + t.text() + "”（第" + page(t.page()) + "页）。",
                    "This report is a " + (kind.equals("budget") ? "budget" : "final account") + " but a title calls it a "
                            + (kind.equals("budget") ? "final account" : "budget") + ": \"" + t.text() + "\" (page " + page(t.page()) + ").",
                    List.of(new FieldValue("form/title_kind", t.text(), null,
                            new Provenance(file, t.page(), t.section(), t.text(), 0, t.text().length(), "form_checks/kind_title"))),
                    null, null, null));
        }
    }

    private static String page(Integer page) {
        return page == null ? "?" : String.valueOf(page);
    }

    private static String where(String section) {
        return section.isEmpty() ? "" : "，" + section;
    }

    private static String excerpt(String text, int start, int end) {
        int s = Math.max(0, start - 20);
        int e = Math.min(text.length(), end + 20);
        return (s > 0 ? "…" : "") + text.substring(s, e) + (e < text.length() ? "…" : "");
    }
}
