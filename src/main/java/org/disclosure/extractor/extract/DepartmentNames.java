package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.extract.IdentityExtractor.Line;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.text.OrganizationNames;

/**
 * Who a report is by (doc.department): the best-supported name among labels (预算主管部门：…, 部门名称 …, 部门（单位）：…),
 * title lines (wrapped titles read as one), part headings, abbreviation definitions, the organisations the body
 * names (HanLP) and, failing all, the name its clauses open with — never a unit it merely mentions.
 */
final class DepartmentNames {

    private record Candidate(String name, int weight, Line line, int start, int end, String rule) {
    }

    private static final String NAME = "([\\p{IsHan}（）()]{3,40}?)";
    private static final Pattern PLACEHOLDER = Pattern.compile("X{2,}|×{2,}|某某");
    private static final String LABEL = "预算主管部门|主管部门|部门名称|单位名称|部门[（(]单位[）)]名称|部门[（(]单位[）)]|预算单位|预算部门|编制单位|编制部门|填报单位|公开单位";
    /** 预算主管部门：XX区司法局 · 部门：XX县医疗保障局 · 部门名称 XX市生态环境局 (a label without its colon in a PDF form) */
    static final Pattern LABELLED = Pattern.compile(
            "(?:(?:" + LABEL + "|(?<!\\p{IsHan})(?:部门|单位))[:：]|^(?:" + LABEL + "))\\s*\\t?\\s*" + NAME + "(?=$|[\\s\\t，。；,]|\\d|(?:金额)?单位[:：])");
    private static final Pattern LABEL_START = Pattern.compile(LABEL);
    /** A row of a project's form (主管部门 … 实施单位 …): it names the supervising department, not the report's unit. */
    private static final Pattern PROJECT_FORM_ROW = Pattern.compile("实施单位|项目单位|实施部门|项目负责");
    private static final Pattern PART_HEADING = Pattern.compile("^第[一1]部分\\s*" + NAME + "(?:部门|单位)?(?:概况|基本情况)");
    private static final Pattern ABBREVIATED = Pattern.compile(NAME + "[（(]以下简称");
    /** A title line: a name, perhaps with the year before or after it and the kind of report, and nothing else. */
    static final Pattern TITLE_NAME = Pattern.compile(
            "^(?:\\d{4}\\s*年(?:度)?)?" + NAME + "(?:部门|单位)?\\s*(?:\\d{4}\\s*年(?:度)?)?(?:区级|市级|县级|省级)?"
            + "(?:部门|单位)?(?:决算|预算)?(?:信息公开|公开|情况说明|报告|表)?$");
    private static final Pattern ORG_SHAPE = Pattern.compile(
            "[\\p{IsHan}（）()]{2,38}(局|委员会|委|厅|办公室|办|中心|院|所|站|馆|部|会|处|队|社|学校|医院|法院|检察院|监狱|署|公司|集团|室)"
            + "(?:[（(][\\p{IsHan}]{4,30}(局|委员会|委|厅|办公室|办|中心|院|所|站|馆|部|会|处|队|社|学校|医院|署|室)[）)])?");
    /** A name that begins with its level only (省委办公厅, 市医保局) abbreviates one that names the place too. */
    private static final Pattern LEVEL_ABBREVIATION = Pattern.compile("[省市县区州旗镇乡]");
    private static final Pattern NOT_A_NAME = Pattern.compile("书记|局长|主任|科长|同志|负责人|联系人|电话|地址");
    private static final Pattern NAME_TAIL = Pattern.compile("(（本级）|\\(本级\\)|（汇总）|\\(汇总\\)|（单位）|\\(单位\\)|（部门）|\\(部门\\)|本级|部门|单位)+$");

    private DepartmentNames() {
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
        int[] most = {0};
        for (int li = 0; li < Math.min(lines.size(), 400) && withinBody(chars, most[0]); li++) {
            Line l = lines.get(li);
            if (l.block() == null || l.block().isTable()) {
                continue;
            }
            Matcher clause = CLAUSE.matcher(l.text());
            while (clause.find() && withinBody(chars, most[0])) {
                if (!OrganizationNames.mayName(clause.group()) || SUBORDINATES.matcher(clause.group()).find()) {
                    continue; // a list of the units under the department names none of them as the report's own
                }
                chars += clause.group().length();
                for (OrganizationNames.Mention m : OrganizationNames.find(clause.group())) {
                    if (insideBookTitle(clause.group(), m.start())) {
                        continue; // 《江苏省财政厅关于…的批复》 names a document's author, not the report's
                    }
                    String name = clean(m.name(), false);
                    if (name != null) {
                        int off = clause.start() + m.start();
                        candidates.add(new Candidate(name, 2, l, off, off + m.name().length(), "doc.department/body-org"));
                        partial.stream().filter(p -> name.endsWith(p) && name.length() > p.length()).forEach(completed::add);
                        int n = mentions.merge(name, 1, Integer::sum);
                        most[0] = Math.max(most[0], n);
                        if (n >= BODY_MENTIONS && completed.size() == partial.size()) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private static final int BODY_MENTIONS = 3;

    /** Whether the position lies inside 《…》 (the title of a document cited). */
    private static boolean insideBookTitle(String text, int at) {
        int open = text.lastIndexOf('《', at);
        return open >= 0 && text.lastIndexOf('》', at) < open;
    }

    /** A clause listing the units under or beside the department (下属事业单位包括：…, 代管…, 所属…): none is the report's own. */
    private static final Pattern SUBORDINATES = Pattern.compile("下属|所属|代管|直属|二级预算单位|下设|管理的单位");

    private static final Pattern FULL_NAME = Pattern.compile("^(?:中共|中国|共青团)|.[省市县区州盟旗]");

    /** Enough of the body's clauses naming a body to find the report's own name: it is named early and often. */
    private static final int BODY_CHARS = 1500;
    /** …read further, up to this, while no name has come twice (a long description of functions first). */
    private static final int BODY_CHARS_MAX = 8000;

    private static boolean withinBody(int chars, int most) {
        return chars < BODY_CHARS || chars < BODY_CHARS_MAX && most < 2;
    }

    private static final Pattern CLAUSE = Pattern.compile("[^。；;！？]+[。；;！？]?");

    /**
     * The department or unit the report is by. In a unit's report (单位预算, 单位决算) a 主管部门 label names the
     * parent department, not the unit.
     */
    static java.util.Optional<FieldValue> find(Document doc, List<Line> lines, List<Line> lead, boolean unitReport) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> cleaned = new HashMap<>(); // the same 部门：XX局 heads every table
        java.util.Set<Line> wrapped = wrappedTitles(lead, candidates, cleaned);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean inLead = i < lead.size();
            // cheap tests first: a name pattern tried at every position of every line is costly
            String t = l.text();
            if (mayBeLabelled(t) && !PROJECT_FORM_ROW.matcher(t).find() && !(unitReport && t.contains("主管部门"))) {
                collect(candidates, LABELLED, l, inLead ? 12 : 6, "doc.department/labelled", cleaned);
            }
            if (t.startsWith("第")) {
                collect(candidates, PART_HEADING, l, 10, "doc.department/part-heading", cleaned);
            }
            if (t.contains("以下简称") && (l.block() == null || !l.block().isTable())) { // not a project's description
                collect(candidates, ABBREVIATED, l, 8, "doc.department/abbreviated", cleaned);
            }
            if (inLead && t.length() <= 60 && !wrapped.contains(l) && mayBeTitle(t)) {
                collect(candidates, TITLE_NAME, l, 10, "doc.department/title", cleaned);
            }
        }
        // segmenting is the costly part of reading a report: skip it when a strong place already gives a
        // full name (with its place), which no name found in the body could complete or outvote
        boolean named = candidates.stream().anyMatch(c -> c.weight() >= 8 && FULL_NAME.matcher(c.name()).find());
        if (!named) {
            List<String> partial = candidates.stream().filter(c -> c.weight() >= 8).map(Candidate::name).distinct().toList();
            bodyNames(lines, candidates, partial);
        }
        if (!named) {
            subjects(lines, candidates, candidates.isEmpty());
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
        return java.util.Optional.of(IdentityExtractor.field(doc, "doc.department", winner, c.line(), c.start(), c.end(), c.rule()));
    }

    /** The name the body's clauses open with (see {@link ClauseSubjects}), when nothing else names the report. */
    private static void subjects(List<Line> lines, List<Candidate> out, boolean alone) {
        List<Line> body = lines.stream().filter(l -> l.block() != null && !l.block().isTable()).limit(400).toList();
        for (ClauseSubjects.Subject s : ClauseSubjects.find(body.stream().map(Line::text).toList())) {
            String name = clean(s.name(), false);
            if (name != null) {
                out.add(new Candidate(name, alone ? 2 * s.clauses() : Math.min(s.clauses(), 8), body.get(s.line()), s.start(), s.start() + s.name().length(),
                        "doc.department/subject"));
            }
        }
    }

    /** Longest piece of a title wrapped over several lines, and most lines it wraps over. */
    static final int WRAPPED_PIECE = 30;
    private static final int WRAPPED_LINES = 4;

    /**
     * Titles wrapped over consecutive short lines of one page (2026年烟台市人民政府办公室部 | 门预算 · 2026年度 |
     * 福州市公安局治安管理 | 支队 | 单位预算): the whole run, else two neighbouring lines, read as one title. Adds the
     * name each gives and returns the lines that gave one, which are not read again one by one.
     */
    private static java.util.Set<Line> wrappedTitles(List<Line> lead, List<Candidate> out, Map<String, String> cleaned) {
        java.util.Set<Line> used = new java.util.HashSet<>();
        int i = 0;
        while (i < lead.size()) {
            int j = i;
            while (j < lead.size() && j - i < WRAPPED_LINES && isTitlePiece(lead.get(j))
                    && java.util.Objects.equals(lead.get(j).block().page(), lead.get(i).block().page())) {
                j++;
            }
            if (j - i >= 2) {
                List<Line> run = lead.subList(i, j);
                if (!joinedName(run, out, cleaned)) {
                    for (int k = 0; k + 1 < run.size(); k++) {
                        if (joinedName(run.subList(k, k + 2), out, cleaned)) {
                            used.addAll(run.subList(k, k + 2));
                            k++;
                        }
                    }
                } else {
                    used.addAll(run);
                }
            }
            i = Math.max(j, i + 1);
        }
        return used;
    }

    private static boolean isTitlePiece(Line l) {
        String t = l.text().strip();
        return l.block() != null && !l.block().isTable() && !t.isEmpty() && t.length() <= WRAPPED_PIECE
                && !t.replaceAll("\\s", "").equals("目录") && mayBeTitle(t);
    }

    /** Adds the name the lines give read as one title; whether they give one. */
    private static boolean joinedName(List<Line> run, List<Candidate> out, Map<String, String> cleaned) {
        String joined = String.join("", run.stream().map(l -> l.text().strip()).toList());
        Matcher m = TITLE_NAME.matcher(joined);
        if (!m.matches() || m.group(1) == null) {
            return false;
        }
        String name = cleaned.computeIfAbsent(m.group(1), raw -> java.util.Objects.requireNonNullElse(clean(raw, true), ""));
        if (name.isEmpty()) {
            return false;
        }
        // provenance: the line holding the name's start (a wrapped title has no single sentence)
        int at = m.start(1);
        for (Line l : run) {
            int len = l.text().strip().length();
            if (at < len) {
                int lead = l.text().indexOf(l.text().strip());
                out.add(new Candidate(name, 10, l, lead + at, lead + Math.min(len, at + name.length()), "doc.department/title"));
                return true;
            }
            at -= len;
        }
        return false;
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

    private static final List<String> LABEL_ENDS = List.of("部门", "单位", "名称", "单位）", "单位)");

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
}
