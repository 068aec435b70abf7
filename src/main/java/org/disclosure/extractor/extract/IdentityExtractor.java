package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.BlockKind;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.OcrReading;
import org.disclosure.extractor.text.Sentences;

/**
 * Finds which kind of report a file is and which year it describes (doc.kind, doc.fiscal_year), with who it is
 * by ({@link DepartmentNames}), and recognises files that are not reports at all ({@link ReportShapes}).
 */
final class IdentityExtractor {

    /**
     * The reason of a document without text: what OCR did about it (read its scans and found nothing), or why it
     * could not (turned off, Tesseract or its Chinese model missing — with what to install), as the reader says.
     */
    static String noText(Document doc) {
        String none = "no-text: the file holds no readable text";
        OcrReading ocr = doc.ocr();
        if (ocr != null && ocr.unavailable() != null) {
            return none + "; " + ocr.unavailable();
        }
        if (ocr != null && ocr.engine() != null) {
            int n = ocr.pages().size();
            String read = n == 0 ? "its pages" : n == 1 ? "1 page" : n + " pages";
            return none + ": OCR (" + ocr.engine() + ", " + ocr.dpi() + " dpi) read " + read
                    + " and found no text on them (blank, or too faint or coarse to read)";
        }
        if ("pdf".equals(doc.format())) {
            return none + " (no page has a text layer, and none was read by OCR; --ocr always reads every page)";
        }
        return none + " (a scanned or image-only document: OCR reads scanned pages of PDFs only)";
    }

    /** The identity fields of a document, or the reason it has none. */
    record Identity(List<FieldValue> fields, String reason) {
    }

    /** One line of text with the block it came from. */
    record Line(String text, Block block, int index) {
    }

    private static final int LEAD_LINES = 40;
    private static final Pattern KIND = Pattern.compile(
            "(?:(?<!\\d)((?:19|20)\\d{2})\\s*年(?:度)?[^，。；:：\\d]{0,24}?)?"
            + "(?:(部门|单位|部门（单位）|部门\\(单位\\))(?:[^，。；\\d]{0,8}?)(整体支出绩效自评报告|整体支出绩效自评|整体支出绩效评价报告|绩效自评报告)"
            + "|(部门|单位|部门（单位）|部门\\(单位\\))(决算|预算)"
            + "|(?:收支|收入|支出|财务收支|基本支出|经费)(决算|预算)(?:总)?表)");
    /** A year is four digits of 19xx or 20xx, not the tail of a longer number (OCR reads 2026年 as 20256年). */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d{2}|19\\d{2})\\s*年");

    private final ReportShapes shapes = ReportShapes.standard();

    /** How many of the first lines can hold the document's own title (a form's title says it is no report). */
    private static final int TITLE_LINES = 8;
    /** A numbered entry or heading: 十二、 · 1. · （一） · 第二部分. */
    private static final Pattern NUMBERED = Pattern.compile(
            "^\\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+[、.．]|[0-9]+[、.．]|第[一二三四五六七八九十0-9]+部分)");
    /** Longest line that states the report as a title or heading; longer lines mention a report in passing. */
    private static final int STATEMENT_MAX = 60;

    Identity extract(Document doc) {
        List<Line> lines = lines(doc);
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            return new Identity(List.of(), noText(doc));
        }
        List<Line> lead = lines.subList(0, Math.min(LEAD_LINES, lines.size()));
        java.util.Optional<String> form = formTitle(doc, lead);
        if (form.isPresent()) {
            return new Identity(List.of(), form.get());
        }
        List<FieldValue> fields = new ArrayList<>();
        Statement statement = statement(lines, true);
        Tables tables = statement == null ? tables(lines) : null;
        if (statement == null && tables == null) {
            statement = statement(lines, false); // a body naming its report only in a sentence
        }
        if (statement == null && tables == null && doc.title() != null) {
            // stale PDF metadata decides nothing the body states; only when the body states nothing at all
            statement = statement(List.of(new Line(doc.title(), null, -1)), false);
        }
        if (statement == null && tables == null) {
            return new Identity(List.of(), "not-a-report: no 部门决算, 部门预算 or 绩效自评报告 is named anywhere in the file, "
                    + "and it holds none of their standard tables");
        }
        if (statement != null) {
            Matcher m = statement.match();
            fields.add(field(doc, "doc.kind", statement.kind(), statement.line(), m.start(), m.end(), "doc.kind/title"));
        } else {
            fields.add(field(doc, "doc.kind", tables.kind(), tables.first(), 0, tables.first().text().length(),
                    "doc.kind/standard-tables"));
        }

        long placeholders = lines.stream().filter(l -> isPlaceholder(l.text())).count();
        if (placeholders >= 3) {
            return new Identity(fields, "template: names and figures are placeholders (XX), not a filled-in report");
        }

        if (statement != null && statement.year() != null) {
            fields.add(field(doc, "doc.fiscal_year", statement.year(), statement.yearLine(),
                    statement.yearStart(), statement.yearStart() + 4, "doc.fiscal_year/title"));
        } else {
            statedYear(doc, lines).or(() -> commonestYear(doc, lines)).ifPresent(fields::add);
        }
        boolean unitReport = statement != null && statement.match().group().contains("单位");
        DepartmentNames.find(doc, lines, lead, unitReport).map(d -> asReadElsewhere(doc, lines, d)).ifPresent(department -> {
            fields.add(department);
            fields.addAll(Regions.standard().find(doc, lines, department));
        });
        fields.sort((a, b) -> Integer.compare(order(a.key()), order(b.key())));
        return new Identity(fields, null);
    }

    /** A statement of the report's kind in a line, and the year it states (on that line or the title line above), if any. */
    private record Statement(String kind, Line line, Matcher match, Integer year, Line yearLine, int yearStart) {
    }

    /** A volume's standard tables: how many families, the kind they say, and the first one's line. */
    private record Tables(String kind, Line first) {
    }

    /**
     * The reason the document is not a report, when one of its first lines titles a form that is none (绩效目标表,
     * 项目支出绩效评价报告, 检查表 …) before any line states a report or titles a standard table.
     */
    private java.util.Optional<String> formTitle(Document doc, List<Line> lead) {
        boolean workbook = "xlsx".equals(doc.format()) || "xls".equals(doc.format());
        for (Line l : lead.subList(0, Math.min(TITLE_LINES, lead.size()))) {
            String t = l.text();
            if (t.length() > STATEMENT_MAX || NUMBERED.matcher(t).find()) {
                continue; // an entry of the contents (十二、项目支出绩效目标表) is no document's title
            }
            if (workbook && l.block() != null && l.block().kind() == BlockKind.HEADING && l.block().level() == 1) {
                continue; // a sheet's name (2026年部门预算) is no title: the checklist's own title is in its first row
            }
            java.util.Optional<String> reason = shapes.notAReport(t);
            if (reason.isPresent()) {
                return java.util.Optional.of("not-a-report: " + t.strip() + ": " + reason.get());
            }
            if (KIND.matcher(t).find() || shapes.table(t).isPresent()) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The first statement of the report's kind: in a title or heading (a short line outside the tables) when
     * {@code titled}, else in any line (a body sentence: 纳入…2021年度部门决算编制范围的…).
     */
    private static Statement statement(List<Line> lines, boolean titled) {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String t = l.text();
            if (titled && (t.length() > STATEMENT_MAX || l.block() != null && l.block().isTable())) {
                continue;
            }
            // a title wrapped over two lines (江苏省政协办公厅2018年度 | 部门预算公开 · …办公室部 | 门预算), read as one
            Line prev = i > 0 ? lines.get(i - 1) : null;
            if (titled && prev != null && prev.block() != null && !prev.block().isTable()
                    && prev.text().length() <= DepartmentNames.WRAPPED_PIECE && t.length() <= DepartmentNames.WRAPPED_PIECE
                    && java.util.Objects.equals(prev.block().page(), l.block().page())) {
                Statement joined = statementIn(new Line(prev.text() + t, prev.block(), prev.index()));
                if (joined != null) {
                    return joined;
                }
            }
            Statement own = statementIn(l);
            if (own != null) {
                return own;
            }
        }
        return null;
    }

    private static Statement statementIn(Line l) {
        String t = l.text();
        if (t.indexOf('算') < 0 && !t.contains("绩效")) {
            return null; // every kind names 决算, 预算 or 绩效
        }
        Matcher m = KIND.matcher(t);
        if (!m.find()) {
            return null;
        }
        String word = m.group(5) != null ? m.group(5) : m.group(6);
        String kind = m.group(3) != null ? "performance_evaluation" : word.equals("决算") ? "final_accounts" : "budget";
        return m.group(1) != null ? new Statement(kind, l, m, Integer.parseInt(m.group(1)), l, m.start(1))
                : new Statement(kind, l, m, null, null, 0);
    }

    /**
     * A volume of standard tables: at least the shapes' minimum of different tables titled or labelled, its kind
     * the one its labels, titles and column heads say most often; null when there are too few tables or they
     * do not say a kind.
     */
    private Tables tables(List<Line> lines) {
        java.util.Set<String> families = new java.util.HashSet<>();
        Map<String, Integer> kinds = new HashMap<>();
        Line first = null;
        for (Line l : lines) {
            String t = l.text();
            java.util.Optional<ReportShapes.NamedTable> named = shapes.table(t);
            if (named.isPresent()) {
                families.add(named.get().family());
                if (first == null) {
                    first = l;
                }
                if (!named.get().kind().isEmpty()) {
                    kinds.merge(named.get().kind(), 2, Integer::sum);
                }
            } else if (t.length() <= STATEMENT_MAX && (t.contains("预算数") || t.contains("决算数"))) {
                String kind = shapes.kindOf(t);
                if (!kind.isEmpty()) {
                    kinds.merge(kind, 1, Integer::sum); // a column head: 预算数 · 决算数
                }
            }
        }
        if (families.size() < shapes.minTables() || kinds.isEmpty()) {
            return null;
        }
        String kind = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Tables(kind, first);
    }

    /**
     * The year the volume's own lines state for its figures: a year line under a table title ((2026年度)), a table
     * title with its year (2026年预算单位财务收支预算总表), a column head (2026年预算数); the commonest of them.
     */
    private java.util.Optional<FieldValue> statedYear(Document doc, List<Line> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        Map<Integer, Line> first = new HashMap<>();
        Map<Integer, int[]> span = new HashMap<>();
        for (Line l : lines) {
            if (l.text().indexOf('年') < 0) {
                continue;
            }
            shapes.year(l.text()).ifPresent(y -> {
                counts.merge(y.year(), 1, Integer::sum);
                first.putIfAbsent(y.year(), l);
                span.putIfAbsent(y.year(), new int[] {y.start(), y.start() + 4});
            });
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> field(doc, "doc.fiscal_year", e.getKey(), first.get(e.getKey()),
                        span.get(e.getKey())[0], span.get(e.getKey())[1], "doc.fiscal_year/stated"));
    }

    /** XX, ×× or 某某 where a name or figure should be (cheaper than the pattern, on every line). */
    private static boolean isPlaceholder(String text) {
        return text.contains("XX") || text.contains("××") || text.contains("某某");
    }

    private static int order(String key) {
        return switch (key) {
            case "doc.department" -> 0;
            case "doc.fiscal_year" -> 1;
            default -> 2;
        };
    }

    /** Text lines in reading order: paragraphs and headings, and each table row with its cells tab-separated. */
    private static List<Line> lines(Document doc) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (Block b : doc.blocks()) {
            if (b.isTable()) {
                for (List<Cell> row : b.table().rows()) {
                    String text = String.join("\t", row.stream().map(Cell::text).filter(s -> !s.isBlank()).toList());
                    if (!text.isBlank()) {
                        lines.add(new Line(text, b, i));
                    }
                }
            } else {
                lines.add(new Line(b.text(), b, i));
            }
            i++;
        }
        return lines;
    }

    private static java.util.Optional<FieldValue> commonestYear(Document doc, List<Line> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        Map<Integer, Line> first = new HashMap<>();
        Map<Integer, int[]> span = new HashMap<>();
        for (Line l : lines) {
            Matcher m = YEAR.matcher(l.text());
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                counts.merge(y, 1, Integer::sum);
                if (!first.containsKey(y)) {
                    first.put(y, l);
                    span.put(y, new int[] {m.start(1), m.end(1)});
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> field(doc, "doc.fiscal_year", e.getKey(), first.get(e.getKey()),
                        span.get(e.getKey())[0], span.get(e.getKey())[1], "doc.fiscal_year/commonest"));
    }

    /**
     * A department name read by OCR from a line the rest of the report never repeats, put right where the report
     * writes it elsewhere, at least twice, with one character different (北京市梧法局 in a title set in large bold
     * type, 北京市司法局 in the body): a recogniser misreads a character of large display type more often than the
     * same name twice in body text. A name the PDF's own text gives is left as it is.
     */
    private static FieldValue asReadElsewhere(Document doc, List<Line> lines, FieldValue department) {
        Integer page = department.provenance().page();
        if (doc.ocr() == null || page == null || !doc.ocr().read(page) || !(department.value() instanceof String name)
                || name.length() < 4) {
            return department;
        }
        String text = doc.text();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i + name.length() <= text.length(); i++) {
            int differ = 0;
            for (int k = 0; k < name.length() && differ <= 1; k++) {
                differ += text.charAt(i + k) == name.charAt(k) ? 0 : 1;
            }
            if (differ <= 1) {
                seen.merge(text.substring(i, i + name.length()), 1, Integer::sum);
            }
        }
        int own = seen.getOrDefault(name, 0);
        java.util.Map.Entry<String, Integer> best = seen.entrySet().stream()
                .filter(e -> !e.getKey().equals(name) && isHan(e.getKey()))
                .max(java.util.Map.Entry.comparingByValue()).orElse(null);
        if (own >= 2 || best == null || best.getValue() < 2 || best.getValue() <= own) {
            return department;
        }
        for (Line l : lines) {
            int at = l.text().indexOf(best.getKey());
            if (at >= 0) {
                return field(doc, "doc.department", best.getKey(), l, at, at + name.length(),
                        department.provenance().rule() + "/as-read-elsewhere");
            }
        }
        return department;
    }

    private static boolean isHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || "（）()".indexOf(c) >= 0);
    }

    static FieldValue field(Document doc, String key, Object value, Line line, int start, int end, String rule) {
        Sentences.Sentence s = Sentences.around(line.text(), start, end);
        Integer page = line.block() == null ? null : line.block().page();
        return new FieldValue(key, value, null,
                new Provenance(doc.file(), page, null, s.text(), start - s.offset(), end - s.offset(), rule));
    }
}
