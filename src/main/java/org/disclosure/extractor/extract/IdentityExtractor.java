package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.text.OrganizationNames;
import org.disclosure.extractor.text.Sentences;

/**
 * Finds who a report is by, which year it describes and what kind of report it is
 * (doc.department, doc.fiscal_year, doc.kind), and recognises files that are not reports at all.
 */
final class IdentityExtractor {

    /** The identity fields of a document, or the reason it has none. */
    record Identity(List<FieldValue> fields, String reason) {
    }

    /** One line of text with the block it came from. */
    private record Line(String text, Block block, int index) {
    }

    private record Candidate(String name, int weight, Line line, int start, int end, String rule) {
    }

    private static final int LEAD_LINES = 40;
    private static final String NAME = "([\\p{IsHan}（）()]{3,40}?)";
    private static final Pattern KIND = Pattern.compile(
            "(?:(\\d{4})\\s*年(?:度)?[^，。；:：\\d]{0,24}?)?"
            + "(?:(部门|单位|部门（单位）|部门\\(单位\\))(?:[^，。；\\d]{0,8}?)(整体支出绩效自评报告|整体支出绩效自评|整体支出绩效评价报告|绩效自评报告)"
            + "|(部门|单位|部门（单位）|部门\\(单位\\))(决算|预算)"
            + "|(?:收支|收入|支出|财务收支|基本支出|经费)(决算|预算)(?:总)?表)");
    private static final Pattern PERFORMANCE = Pattern.compile("绩效(自评|评价)报告|整体支出绩效自评");
    private static final Pattern NOT_A_REPORT = Pattern.compile("检查表|检查情况|评分表|自查表|审核意见|考核表|通知|新闻");
    private static final Pattern PLACEHOLDER = Pattern.compile("X{2,}|×{2,}|某某");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2}|19\\d{2})\\s*年");
    private static final String LABEL = "预算主管部门|主管部门|部门名称|单位名称|部门[（(]单位[）)]名称|预算单位|编制单位|填报单位|公开单位";
    /** 预算主管部门：XX区司法局 · 部门：XX县医疗保障局 · 部门名称 XX市生态环境局 (a label without its colon in a PDF form) */
    static final Pattern LABELLED = Pattern.compile(
            "(?:(?:" + LABEL + "|部门|单位)[:：]|^(?:" + LABEL + "))\\s*\\t?\\s*" + NAME + "(?=$|[\\s\\t，。；,]|\\d|(?:金额)?单位[:：])");
    private static final Pattern LABEL_START = Pattern.compile(LABEL);
    private static final Pattern PART_HEADING = Pattern.compile("^第[一1]部分\\s*" + NAME + "(?:部门|单位)?(?:概况|基本情况)");
    private static final Pattern ABBREVIATED = Pattern.compile(NAME + "[（(]以下简称");
    /** A title line: a name, perhaps with the year before or after it and the kind of report, and nothing else. */
    static final Pattern TITLE_NAME = Pattern.compile(
            "^(?:\\d{4}\\s*年(?:度)?)?" + NAME + "(?:部门|单位)?\\s*(?:\\d{4}\\s*年(?:度)?)?(?:区级|市级|县级|省级)?"
            + "(?:部门|单位)?(?:决算|预算)?(?:信息公开|公开|情况说明|报告|表)?$");
    private static final Pattern ORG_SHAPE = Pattern.compile(
            "[\\p{IsHan}（）()]{2,38}(局|委员会|委|厅|办公室|办|中心|院|所|站|馆|部|会|处|队|社|学校|医院|法院|检察院|监狱|署|公司|集团|室)");
    /** A name that begins with its level only (省委办公厅, 市医保局) abbreviates one that names the place too. */
    private static final Pattern LEVEL_ABBREVIATION = Pattern.compile("[省市县区州旗镇乡]");
    private static final Pattern NOT_A_NAME = Pattern.compile("书记|局长|主任|科长|同志|负责人|联系人|电话|地址");
    private static final Pattern NAME_TAIL = Pattern.compile("(（本级）|\\(本级\\)|（汇总）|\\(汇总\\)|本级|部门|单位)+$");

    Identity extract(Document doc) {
        List<Line> lines = lines(doc);
        if (lines.stream().allMatch(l -> l.text().isBlank())) {
            return new Identity(List.of(), "no-text: the file holds no readable text (a scanned or image-only document needs OCR first)");
        }
        List<Line> lead = lines.subList(0, Math.min(LEAD_LINES, lines.size()));
        for (Line l : lead.subList(0, Math.min(8, lead.size()))) {
            if (l.text().length() <= 40 && NOT_A_REPORT.matcher(l.text()).find()) {
                return new Identity(List.of(), "not-a-report: the file is a " + l.text().strip()
                        + ", not a disclosure report");
            }
        }
        List<FieldValue> fields = new ArrayList<>();
        Matcher kindAt = null;
        Line kindLine = null;
        for (Line l : lines) {
            String t = l.text();
            if (t.indexOf('算') < 0 && !t.contains("绩效")) {
                continue; // every kind names 决算, 预算 or 绩效
            }
            Matcher m = KIND.matcher(t);
            if (m.find()) {
                kindAt = m;
                kindLine = l;
                break;
            }
        }
        if (kindAt == null) {
            return new Identity(List.of(), "not-a-report: no 部门决算, 部门预算 or 绩效自评报告 is named anywhere in the file");
        }
        String word = kindAt.group(5) != null ? kindAt.group(5) : kindAt.group(6);
        String kind = kindAt.group(3) != null ? "performance_evaluation"
                : word.equals("决算") ? "final_accounts" : "budget";
        fields.add(field(doc, "doc.kind", kind, kindLine, kindAt.start(), kindAt.end(), "doc.kind/title"));

        long placeholders = lines.stream().filter(l -> isPlaceholder(l.text())).count();
        if (placeholders >= 3) {
            return new Identity(fields, "template: names and figures are placeholders (XX), not a filled-in report");
        }

        if (kindAt.group(1) != null) {
            fields.add(field(doc, "doc.fiscal_year", Integer.parseInt(kindAt.group(1)), kindLine,
                    kindAt.start(1), kindAt.end(1), "doc.fiscal_year/title"));
        } else {
            commonestYear(doc, lines).ifPresent(fields::add);
        }
        department(doc, lines, lead).ifPresent(fields::add);
        fields.sort((a, b) -> Integer.compare(order(a.key()), order(b.key())));
        return new Identity(fields, null);
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
        if (doc.title() != null && !doc.title().isBlank()) {
            lines.add(new Line(doc.title(), null, -1));
        }
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

    /**
     * Names HanLP finds in the body's first clauses that can hold one (a place and an institution word),
     * clause by clause, until one name has come {@link #BODY_MENTIONS} times and the full form of each name
     * given without its place in a strong place (a title's 管理中心) has been seen, or {@link #BODY_CHARS} are
     * read: a report names itself early and often.
     */
    private static void bodyNames(List<Line> lines, List<Candidate> candidates, List<String> partial) {
        Map<String, Integer> mentions = new HashMap<>();
        java.util.Set<String> completed = new java.util.HashSet<>();
        int chars = 0;
        for (int li = 0; li < Math.min(lines.size(), 400) && chars < BODY_CHARS; li++) {
            Line l = lines.get(li);
            if (l.block() == null || l.block().isTable()) {
                continue;
            }
            Matcher clause = CLAUSE.matcher(l.text());
            while (clause.find() && chars < BODY_CHARS) {
                if (!OrganizationNames.mayName(clause.group())) {
                    continue;
                }
                chars += clause.group().length();
                for (OrganizationNames.Mention m : OrganizationNames.find(clause.group())) {
                    String name = clean(m.name(), false);
                    if (name != null) {
                        int off = clause.start() + m.start();
                        candidates.add(new Candidate(name, 2, l, off, off + m.name().length(), "doc.department/body-org"));
                        partial.stream().filter(p -> name.endsWith(p) && name.length() > p.length()).forEach(completed::add);
                        if (mentions.merge(name, 1, Integer::sum) >= BODY_MENTIONS && completed.size() == partial.size()) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private static final int BODY_MENTIONS = 3;

    private static final Pattern FULL_NAME = Pattern.compile("^(?:中共|中国|共青团)|.[省市县区州盟旗]");

    /** Enough of the body's clauses naming a body to find the report's own name: it is named early and often. */
    private static final int BODY_CHARS = 1500;

    private static final Pattern CLAUSE = Pattern.compile("[^。；;！？]+[。；;！？]?");

    private java.util.Optional<FieldValue> department(Document doc, List<Line> lines, List<Line> lead) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> cleaned = new HashMap<>(); // the same 部门：XX局 heads every table
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean inLead = i < lead.size();
            // cheap tests first: a name pattern tried at every position of every line is costly
            String t = l.text();
            if (mayBeLabelled(t)) {
                collect(candidates, LABELLED, l, inLead ? 12 : 6, "doc.department/labelled", cleaned);
            }
            if (t.startsWith("第")) {
                collect(candidates, PART_HEADING, l, 10, "doc.department/part-heading", cleaned);
            }
            if (t.contains("以下简称")) {
                collect(candidates, ABBREVIATED, l, 8, "doc.department/abbreviated", cleaned);
            }
            if (inLead && t.length() <= 60 && mayBeTitle(t)) {
                collect(candidates, TITLE_NAME, l, l.block() == null ? 6 : 10, "doc.department/title", cleaned);
            }
        }
        // segmenting is the costly part of reading a report: skip it when a strong place already gives a
        // full name (with its place), which no name found in the body could complete or outvote
        boolean named = candidates.stream().anyMatch(c -> c.weight() >= 8 && FULL_NAME.matcher(c.name()).find());
        if (!named) {
            List<String> partial = candidates.stream().filter(c -> c.weight() >= 8).map(Candidate::name).distinct().toList();
            bodyNames(lines, candidates, partial);
        }
        if (candidates.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Integer> score = new HashMap<>();
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            score.merge(c.name(), c.weight(), Integer::sum);
            best.merge(c.name(), c, (a, b) -> b.weight() > a.weight() ? b : a);
        }
        // a shorter form of a name stated in a strong place (省委办公厅 of XX省委办公厅, 技术保障中心 of
        // XX市市场监管综合监测与技术保障中心) counts for the full name
        Map<String, Integer> lent = new HashMap<>();
        for (String a : best.keySet()) {
            for (String b : best.keySet()) {
                boolean shorter = !a.equals(b) && b.endsWith(a) && b.length() > a.length();
                // …or a strong name without its place (a title's 管理中心) whose full form, with the place, the body gives
                boolean placeless = best.get(a).weight() >= 8 && !FULL_NAME.matcher(a).find() && FULL_NAME.matcher(b).find();
                if (shorter && (best.get(b).weight() >= 8 || LEVEL_ABBREVIATION.matcher(a).lookingAt() || placeless)) {
                    lent.merge(b, score.get(a), Integer::sum);
                    lent.merge(a, -score.get(a), Integer::sum);
                }
            }
        }
        lent.forEach((name, delta) -> score.merge(name, delta, Integer::sum));
        String winner = null;
        for (String name : best.keySet()) {
            if (winner == null || score.get(name) > score.get(winner)) {
                winner = name;
            }
        }
        Candidate c = best.get(winner);
        return java.util.Optional.of(field(doc, "doc.department", winner, c.line(), c.start(), c.end(), c.rule()));
    }

    /**
     * Whether {@link #LABELLED} can match: a label then its colon (every label ends in 部门, 单位 or 名称),
     * or a label opening the line.
     */
    static boolean mayBeLabelled(String t) {
        for (String end : LABEL_ENDS) {
            int at = t.indexOf(end);
            while (at >= 0) {
                int after = at + end.length();
                if (after < t.length() && (t.charAt(after) == '：' || t.charAt(after) == ':')) {
                    return true;
                }
                at = t.indexOf(end, after);
            }
        }
        return LABEL_START.matcher(t).lookingAt();
    }

    private static final List<String> LABEL_ENDS = List.of("部门", "单位", "名称");

    /** Whether {@link #TITLE_NAME} can match: the line holds only ideographs, brackets, digits and spaces. */
    static boolean mayBeTitle(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c >= '0' && c <= '9' || Character.isWhitespace(c) || c == '（' || c == '）' || c == '(' || c == ')'
                    || Character.UnicodeScript.of(t.codePointAt(i)) == Character.UnicodeScript.HAN;
            if (!ok) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return true;
    }

    private static void collect(List<Candidate> out, Pattern p, Line l, int weight, String rule, Map<String, String> cleaned) {
        Matcher m = p.matcher(l.text());
        while (m.find()) {
            // "" for text that is no name: computeIfAbsent keeps no nulls
            String name = cleaned.computeIfAbsent(m.group(1), raw -> java.util.Objects.requireNonNullElse(clean(raw, true), ""));
            if (!name.isEmpty()) {
                out.add(new Candidate(name, weight, l, m.start(1), m.end(1), rule));
            }
        }
    }

    /** The name as the report names itself, or null when the text is no organisation's name. */
    static String clean(String raw, boolean trim) {
        String s = raw.replaceAll("\\s", "");
        if (trim) {
            s = OrganizationNames.trimLeadingWords(s);
        }
        s = s.replaceFirst("^(第[一二三四五六七八九十\\d]+部分|附件\\d*[:：]?|预算主管部门|主管部门|部门名称|单位名称|预算单位|编制单位|填报单位)", "");
        s = NAME_TAIL.matcher(s).replaceAll("");
        if (s.length() < 4 || PLACEHOLDER.matcher(s).find() || !ORG_SHAPE.matcher(s).matches()
                || NOT_A_NAME.matcher(s).find()) {
            return null;
        }
        if (s.endsWith("部") && s.length() > 1 && "门".equals(s.substring(s.length() - 1))) {
            return null;
        }
        return s;
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

    private static FieldValue field(Document doc, String key, Object value, Line line, int start, int end, String rule) {
        Sentences.Sentence s = Sentences.around(line.text(), start, end);
        Integer page = line.block() == null ? null : line.block().page();
        return new FieldValue(key, value, null,
                new Provenance(doc.file(), page, null, s.text(), start - s.offset(), end - s.offset(), rule));
    }
}
