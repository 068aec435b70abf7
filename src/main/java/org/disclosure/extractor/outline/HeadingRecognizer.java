package org.disclosure.extractor.outline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.BlockKind;

/**
 * Decides whether one block reads as a heading, from its style, its number and its words, without
 * looking at the blocks around it ({@link HeadingCandidates} does that).
 */
final class HeadingRecognizer {

    /** Longest numbered paragraph taken whole as a heading. */
    static final int MAX_HEADING = 40;
    /** Longest lead of a run-in heading ("（一）主要职能。组织拟定…"). */
    static final int MAX_LEAD = 25;

    static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[，,；;]");
    private static final Pattern AMOUNT = Pattern.compile(
            "\\d[\\d,]*(\\.\\d+)?\\s*(万元|亿元|元|%|％)|\\d{1,3}(,\\d{3})+|\\d\\.\\d{2,}(?!\\d*分)");
    /** A unit in brackets marks a column label ("预算数（万元）"), not a heading. */
    private static final Pattern UNIT_LABEL = Pattern.compile("[（(](万元|元|亿元|%)[）)]|单位[:：]");
    /** A second list number inside a line ("二、政府性基金预算拨款收入二、外交支出"): two cells of a table row. */
    private static final Pattern INNER_NUMBER = Pattern.compile("[一二三四五六七八九十]{1,3}、");
    /** Names of functional classification lines ("卫生健康支出（类）医疗救助（款）城乡医疗救助（项）"), never headings. */
    private static final Pattern CLASSIFICATION = Pattern.compile("[（(][类款项][）)]");
    static final Pattern LEAD_END = Pattern.compile("[。：:]");
    private static final Pattern DEFINITION = Pattern.compile("^(指|是指|系指|反映|即)");
    private static final Pattern DOT_LEADER = Pattern.compile("(\\.{4,}|…{2,}|·{4,}|-{6,}|_{6,})$");
    private static final Pattern REPORT_TITLE = Pattern.compile(
            "^(?=[\\p{IsHan}\\d（(])[^，,。；;：:=]{0,60}?(绩效自评|绩效评价|自评|绩效)报告([（(][^）)]{0,40}[）)])?$");
    private static final Pattern APPENDIX_MARK = Pattern.compile(
            "^附[件表]?\\s*([0-9一二三四五六七八九十]+(\\s*[-－—]\\s*\\d+)?)?\\s*([：:].{0,60})?$");
    /** A table's label on a line of its own ("表一", "公开01表", "预算01表"). */
    private static final Pattern TABLE_MARK = Pattern.compile(
            "^(表[一二三四五六七八九十\\d]{1,3}|(公开|预算|决算)表?\\d{1,2}表?)$");
    private static final Pattern GLOSSARY_LINE = Pattern.compile("^(专业性?)?(名词|名称|术语)(解释|说明)[：:]?$");
    private static final Pattern FIGURE_CAPTION = Pattern.compile("^[（(]?(图|附图)\\s*\\d");
    private static final Pattern TABLE_TITLE = Pattern.compile("(表|表格)([（(][^）)]*[）)])?$|公开\\d+表|^表\\d+");
    /**
     * Longest compact text an appendix mark, report title, table mark or glossary line can be: the report
     * title's 60 characters, 绩效自评报告 and a bracketed note of 40 (see REPORT_TITLE); longer paragraphs
     * skip those patterns.
     */
    private static final int LONGEST_MARK = 1 + 60 + 6 + 42;
    private static final List<String> PART_NAMES = List.of("tables_part", "explanation_part", "glossary", "appendix");

    private final SectionNames names;

    HeadingRecognizer(SectionNames names) {
        this.names = names;
    }

    /** The heading a block reads as, if it reads as one. */
    Optional<Heading> recognise(Block block) {
        if (block.isTable()) {
            return Optional.empty();
        }
        String text = block.text().strip();
        if (text.isEmpty() || text.contains("\t") || isTocEntry(text)) {
            return Optional.empty();
        }
        Optional<HeadingNumber> number = HeadingNumber.parse(text);
        if (block.kind() == BlockKind.HEADING && block.level() > 0 && text.length() <= 2 * MAX_HEADING) {
            return Optional.of(new Heading(Heading.Kind.STYLED, number.orElse(null), trimEnd(text), false, block.level()));
        }
        if (number.isPresent()) {
            return numbered(text, number.get());
        }
        return unnumbered(text, block.emphasised());
    }

    /** A line of a table of contents: dot leaders, perhaps a page number. */
    static boolean isTocEntry(String text) {
        // the end of the line only (leader, spaces, page number, spaces): a pattern searched from every
        // position of every paragraph costs more than all the rest of the outline
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && text.charAt(end - 1) >= '0' && text.charAt(end - 1) <= '9') {
            end--;
        }
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = Math.max(0, end - 8);
        return DOT_LEADER.matcher(text.substring(start, end)).find();
    }

    static boolean isTableTitle(String text) {
        return TABLE_TITLE.matcher(compact(text)).find();
    }

    private Optional<Heading> numbered(String text, HeadingNumber number) {
        String words = number.words();
        String whole = trimEnd(words);
        if (whole.length() <= MAX_HEADING && isTitleLike(whole) && !LEAD_END.matcher(whole).find()) {
            return Optional.of(new Heading(Heading.Kind.NUMBERED, number, trimEnd(text), false, 0));
        }
        Matcher end = LEAD_END.matcher(words);
        if (end.find() && end.start() >= 2 && end.start() <= MAX_LEAD) {
            String lead = words.substring(0, end.start()).strip();
            String body = words.substring(end.end()).strip();
            if (isTitleLike(lead) && !body.isEmpty() && !DEFINITION.matcher(body).find()) {
                int wordsStart = text.length() - words.length();
                return Optional.of(new Heading(Heading.Kind.NUMBERED, number, text.substring(0, wordsStart + end.start()).strip(),
                        true, 0));
            }
        }
        return Optional.empty();
    }

    private Optional<Heading> unnumbered(String text, boolean emphasised) {
        String compact = compact(text);
        if (compact.length() > LONGEST_MARK) {
            return unnumberedTitle(text, emphasised);
        }
        if (APPENDIX_MARK.matcher(compact).matches() && compact.length() <= MAX_HEADING + 20) {
            return Optional.of(new Heading(Heading.Kind.APPENDIX_MARK, null, trimEnd(text), false, 0));
        }
        if (REPORT_TITLE.matcher(compact).matches()) {
            return Optional.of(new Heading(Heading.Kind.REPORT_TITLE, null, text, false, 0));
        }
        if (TABLE_MARK.matcher(compact).matches()) {
            return Optional.of(new Heading(Heading.Kind.TABLE_MARK, null, compact, false, 0));
        }
        if (GLOSSARY_LINE.matcher(compact).matches()) {
            return Optional.of(new Heading(Heading.Kind.NAMED, null, trimEnd(text), false, 0));
        }
        return unnumberedTitle(text, emphasised);
    }

    /** An emphasised short line that names a section (收入支出决算总体情况说明 in bold). */
    private Optional<Heading> unnumberedTitle(String text, boolean emphasised) {
        if (!emphasised) {
            return Optional.empty();
        }
        String words = trimEnd(text);
        if (words.length() <= 30 && isTitleLike(words) && !words.contains("。")
                && !FIGURE_CAPTION.matcher(words).find()) {
            String canonical = names.classify(words, List.of());
            if (canonical != null && (!isTableTitle(words) || canonical.equals("tables_part"))) {
                return Optional.of(new Heading(Heading.Kind.NAMED, null, words, false, 0));
            }
        }
        return Optional.empty();
    }

    /** Names a part of the report rather than a section inside one. */
    static boolean isPartName(String canonical) {
        return canonical != null && PART_NAMES.contains(canonical);
    }

    private static boolean isTitleLike(String words) {
        return !words.isEmpty() && !SENTENCE_PUNCTUATION.matcher(words).find() && !AMOUNT.matcher(words).find()
                && !CLASSIFICATION.matcher(words).find() && !INNER_NUMBER.matcher(words).find()
                && !UNIT_LABEL.matcher(words).find();
    }

    /** The text without the punctuation and white space that close it. */
    static String trimEnd(String text) {
        return withoutClosing(text.strip());
    }

    /** The text without the run of closing punctuation (。：；，) and white space at its end. */
    static String withoutClosing(String s) {
        int end = s.length();
        while (end > 0 && ("。：:；;，,".indexOf(s.charAt(end - 1)) >= 0 || isRegexSpace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The text without white space (as the regex class \s has it: ASCII spaces, tabs and line ends). */
    static String compact(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
