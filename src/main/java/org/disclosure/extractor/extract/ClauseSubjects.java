package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a report's sentences open with, found without segmenting: a report names itself as the subject of
 * sentence after sentence (北京市退役军人事务局贯彻… · 北京市退役军人事务局下设… · 2026年，北京市退役军人事务局收入预算…),
 * so the longest opening that several clauses share and that ends as an organisation's name does, is its name.
 * For bodies whose names the segmenter does not know.
 */
final class ClauseSubjects {

    /** A name and where one clause opening with it stands. */
    record Subject(String name, int line, int start, int clauses) {
    }

    /** Clauses that must open with the same name before it counts. */
    private static final int MIN_CLAUSES = 3;
    private static final int LONGEST_NAME = 30;
    private static final int SHORTEST_NAME = 6;
    private static final Pattern CLAUSE = Pattern.compile("[^。；;！？，,]+");
    /** What may come before the subject: a heading number, a year (2026年，), 根据…/按照… do not count. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^\\s*(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、|[0-9]+[、.．])?\\s*(?:[0-9]{4}年度?[，,]?\\s*)?(?:关于)?");
    /** An opening with a place (a name of two or three characters and its level): 北京市…, 中共重庆市委…, 邻水县…. */
    private static final Pattern PLACED = Pattern.compile("^(?:中共)?\\p{IsHan}{2,3}?(?:自治区|自治州|[省市县区盟旗])");
    private static final Pattern NAME_END = Pattern.compile(
            "(?:局|委员会|委|厅|办公室|中心|院|所|站|馆|部|会|处|队|社|学校|医院|法院|检察院|署|室)$");

    private ClauseSubjects() {
    }

    /** The names several clauses open with, most clauses first. */
    static List<Subject> find(List<String> lines) {
        record Opening(String text, int line, int start) {
        }
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher c = CLAUSE.matcher(lines.get(i));
            while (c.find()) {
                String clause = c.group();
                Matcher lead = LEAD_IN.matcher(clause);
                int from = lead.lookingAt() ? lead.end() : 0;
                String rest = clause.substring(from);
                if (PLACED.matcher(rest).find()) {
                    openings.add(new Opening(rest.substring(0, Math.min(rest.length(), LONGEST_NAME + 8)), i, c.start() + from));
                }
            }
        }
        openings.sort((a, b) -> a.text().compareTo(b.text()));
        Map<String, Integer> count = new HashMap<>();
        Map<String, Opening> first = new HashMap<>();
        for (int k = 0; k + 1 < openings.size(); k++) {
            String name = nameIn(commonPrefix(openings.get(k).text(), openings.get(k + 1).text()));
            if (name != null) {
                count.merge(name, 1, Integer::sum);
                first.putIfAbsent(name, openings.get(k));
            }
        }
        List<Subject> out = new ArrayList<>();
        count.forEach((name, n) -> {
            if (n + 1 >= MIN_CLAUSES) {
                Opening o = first.get(name);
                out.add(new Subject(name, o.line(), o.start(), n + 1));
            }
        });
        out.sort((a, b) -> Integer.compare(b.clauses(), a.clauses()));
        return out;
    }

    /** The prefix cut back to where a name ends (…局, …委员会), or null. */
    private static String nameIn(String prefix) {
        for (int end = Math.min(prefix.length(), LONGEST_NAME); end >= SHORTEST_NAME; end--) {
            String p = prefix.substring(0, end);
            boolean department = end < prefix.length() && prefix.charAt(end) == '门'; // …局部门预算: 部 of 部门
            if (NAME_END.matcher(p).find() && !department) {
                return p;
            }
        }
        return null;
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
