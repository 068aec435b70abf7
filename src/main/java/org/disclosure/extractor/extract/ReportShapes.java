package org.disclosure.extractor.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.tables.TableGrammar;

/**
 * What a report looks like (grammars/reports.yaml with the table titles of grammars/tables.yaml): the forms that
 * are not reports, the standard tables' titles and labels that make a volume of tables a report, the words that
 * say its kind and the lines that state its year.
 */
record ReportShapes(int minTables, List<NotAReport> notReports, Pattern budgetLabel, Pattern finalLabel,
                    Pattern eitherLabel, Pattern finalWord, Pattern budgetWord, List<Pattern> yearLines,
                    List<TableTitle> tableTitles) {

    /** A form that is not a report: its title pattern and the reason given. */
    record NotAReport(Pattern title, String reason) {
    }

    /** A standard table family's title pattern. */
    record TableTitle(String family, Pattern title) {
    }

    /** A standard table named by a line: its family (or its label when only a label names it) and the kind it says. */
    record NamedTable(String family, String kind) {
    }

    /** Longest line that can be a table title; longer text is a sentence mentioning one. */
    private static final int TITLE_MAX = 60;

    private static final class Holder {
        static final ReportShapes STANDARD = load();
    }

    static ReportShapes standard() {
        return Holder.STANDARD;
    }

    private static ReportShapes load() {
        try (InputStream in = GrammarFiles.open("reports.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<NotAReport> not = new ArrayList<>();
            for (JsonNode n : root.path("not_reports")) {
                not.add(new NotAReport(Pattern.compile(n.path("title").asText()), n.path("reason").asText()));
            }
            List<Pattern> years = new ArrayList<>();
            root.path("year_lines").forEach(n -> years.add(Pattern.compile(n.asText())));
            List<TableTitle> titles = new ArrayList<>();
            for (TableGrammar.Family f : TableGrammar.standard().families()) {
                f.titles().forEach(p -> titles.add(new TableTitle(f.id(), p)));
            }
            JsonNode labels = root.path("labels");
            JsonNode words = root.path("kind_words");
            return new ReportShapes(root.path("min_tables").asInt(2), List.copyOf(not),
                    Pattern.compile(labels.path("budget").asText()), Pattern.compile(labels.path("final_accounts").asText()),
                    Pattern.compile(labels.path("either").asText()),
                    Pattern.compile(words.path("final_accounts").asText()), Pattern.compile(words.path("budget").asText()),
                    List.copyOf(years), List.copyOf(titles));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reports.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    /** The reason a title line names a form that is not a report, if it does. */
    Optional<String> notAReport(String line) {
        String t = squash(line);
        if (t.length() > TITLE_MAX) {
            return Optional.empty();
        }
        return notReports.stream().filter(n -> n.title().matcher(t).find()).map(NotAReport::reason).findFirst();
    }

    /**
     * The standard table a short line titles or labels (预算01表收支总表, 公开01表, 收入支出决算总表), with the kind
     * its label or title words say ("" when neither says one: 收支总表 alone).
     */
    Optional<NamedTable> table(String line) {
        String t = squash(line);
        if (t.isEmpty() || t.length() > TITLE_MAX || t.indexOf('表') < 0) {
            return Optional.empty();
        }
        String family = null;
        int best = 0;
        for (TableTitle title : tableTitles) {
            Matcher m = title.title().matcher(t);
            if (m.find() && m.end() - m.start() > best) {
                best = m.end() - m.start();
                family = title.family();
            }
        }
        Matcher budget = budgetLabel.matcher(t);
        Matcher fin = finalLabel.matcher(t);
        Matcher either = eitherLabel.matcher(t);
        String kind = budget.find() ? "budget" : fin.find() ? "final_accounts" : kindOf(t);
        if (family == null) {
            if (budget.find(0)) {
                family = budget.group();
            } else if (fin.find(0)) {
                family = fin.group();
            } else if (either.find()) {
                family = either.group();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new NamedTable(family, kind));
    }

    /** The kind a title or column head says by its words (决算数 · 2026年预算数), or "". */
    String kindOf(String text) {
        boolean fin = finalWord.matcher(text).find();
        boolean bud = budgetWord.matcher(text).find();
        return fin == bud ? "" : fin ? "final_accounts" : "budget";
    }

    /** A year a line states, and where (group 1 of a year line's match, in the line as given). */
    record StatedYear(int year, int start) {
    }

    /**
     * The fiscal year a short line of a table volume states, if it states one: where it states two (the column
     * heads 2025年预算数 | 2026年预算数 compare last year with this), the later.
     */
    Optional<StatedYear> year(String line) {
        if (line.strip().length() > TITLE_MAX) {
            return Optional.empty();
        }
        StatedYear latest = null;
        for (Pattern p : yearLines) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                if (latest == null || y > latest.year()) {
                    latest = new StatedYear(y, m.start(1));
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private static String squash(String line) {
        return line.replaceAll("\\s", "");
    }
}
