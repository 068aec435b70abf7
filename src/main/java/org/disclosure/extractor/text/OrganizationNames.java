package org.disclosure.extractor.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names of organisations in running text, found with HanLP's place and organisation recognition:
 * an organisation word of the dictionary (nt: 中国共产党), or a place (ns) followed by nouns and ending in an institution word
 * (nis: 保障局, 服务中心 …), as in XX县/ns 医疗/n 保障局/nis. Only names that end the way
 * government bodies are named are kept.
 */
public final class OrganizationNames {

    /** One organisation name and where it stands in the text. */
    public record Mention(String name, int start, int end) {
    }

    private static final Pattern ORG_END = Pattern.compile(
            ".*(局|委员会|委|厅|办公室|办|中心|院|所|站|馆|部|会|处|队|社|学校|医院|政府|法院|检察院|监狱|署|公司|集团)");

    /**
     * A place-level word (省 市 县 区 …), then within a short stretch an institution word a name can end in
     * (部门 and 会议 are not one): a clause without this names no government body.
     */
    private static final Pattern INSTITUTION = Pattern.compile(
            "[省市县区州盟旗镇乡委][^，。；：、]{0,24}?(?:局|委员会|委|厅|办公室|办|中心|院|所|站|馆|部(?!门|分)|会(?!议|计)|处|队|社|学校|医院|政府|署|公司|集团)");

    private OrganizationNames() {
    }

    /**
     * Whether the text can hold an organisation name at all (it has an institution word): segmenting
     * is the costly part of reading a report, and most sentences name no one.
     */
    public static boolean mayName(String text) {
        return INSTITUTION.matcher(text).find();
    }

    private static Segment segment() {
        // Names are composed from places (ns) and institution words (nis), which need no recogniser. Person
        // names are not wanted; HanLP's organisation recogniser (role tagging) composes nothing the chains of
        // ns…nis do not (see OrganizationNamesTest) and cost a sixth of all the time a report takes.
        return HanLP.newSegment().enableOrganizationRecognize(false).enablePlaceRecognize(true)
                .enableNameRecognize(false).enableOffset(true).enableNumberQuantifierRecognize(false);
    }

    /** Organisation names in the text, in order. */
    public static List<Mention> find(String text) {
        List<Term> terms = segment().seg(text);
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < terms.size()) {
            Term t = terms.get(i);
            String nature = t.nature.toString();
            if (nature.equals("ns") || nature.equals("nt")) {
                int j = i;
                int lastEnd = nature.equals("nt") ? i : -1;
                while (j + 1 < terms.size() && isNamePart(terms.get(j + 1))) {
                    j++;
                    String n = terms.get(j).nature.toString();
                    if (n.equals("nt") || n.equals("nis")) {
                        lastEnd = j;
                    }
                }
                if (lastEnd >= 0) {
                    int start = t.offset;
                    Term last = terms.get(lastEnd);
                    int end = last.offset + last.word.length();
                    String name = text.substring(start, end);
                    if (name.length() >= 4 && ORG_END.matcher(name).matches()) {
                        mentions.add(new Mention(name, start, end));
                    }
                    i = lastEnd + 1;
                    continue;
                }
            }
            i++;
        }
        return mentions;
    }

    /**
     * Drops words that lead into a name without being part of it: "构成只包括XX县医疗保障局" → XX县医疗保障局,
     * "（一）XX市公安局…" → XX市公安局…. Only a lead with a verb, adverb, conjunction, number or
     * punctuation is dropped, so "中共北京市委…" keeps its 中共.
     */
    public static String trimLeadingWords(String name) {
        List<Term> terms = segment().seg(name);
        boolean functionWord = false;
        for (Term t : terms) {
            String n = t.nature.toString();
            if (n.startsWith("ns") || n.startsWith("nt")) {
                return functionWord ? name.substring(t.offset) : name;
            }
            functionWord |= n.startsWith("v") || n.startsWith("d") || n.startsWith("c") || n.startsWith("m")
                    || n.startsWith("w") || n.startsWith("p") || n.startsWith("f") || n.startsWith("u") || n.startsWith("r");
        }
        return name;
    }

    private static boolean isNamePart(Term t) {
        String n = t.nature.toString();
        return (n.startsWith("n") && !n.equals("nx") && !n.equals("nr")) || n.equals("vn") || n.equals("b");
    }
}
