package org.disclosure.extractor.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.BlockKind;

/**
 * The headings a document's blocks read as, before nesting: each block's own reading, joined across the lines
 * a heading was broken into, less numbered table rows and bold column labels that only look like headings.
 */
final class HeadingCandidates {

    private static final int MAX_TITLE_LINES = 3;
    /** A bold heading line this long may have wrapped onto the next line. */
    private static final int WRAPPED_LINE = 15;
    /** How far after a heading its first running text is looked for. */
    private static final int LOOK_AHEAD = 5;
    private static final Pattern SENTENCE = Pattern.compile("[。，；：]");
    private static final Pattern BARE_PART = Pattern.compile("^第[一二三四五六七八九十\\d]{1,3}(部分|章)$");
    private static final Pattern TABLE_ROW_NUMBER = Pattern.compile("\\d[\\d,]*\\.\\d+|\\d{1,3}(,\\d{3})+");

    private final HeadingRecognizer recognizer;
    private final SectionNames names;

    HeadingCandidates(SectionNames names) {
        this.recognizer = new HeadingRecognizer(names);
        this.names = names;
    }

    /**
     * The heading each block reads as, if it reads as one. A part number alone on its line ("第一部分") takes
     * the short line after it as its words; a numbered line whose next line is a table row is a row too.
     */
    List<Optional<Heading>> read(List<Block> blocks) {
        List<Optional<Heading>> found = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Optional<Heading> h = headingAt(blocks, i);
            found.add(h);
            for (int more = h.map(Heading::span).orElse(1); more > 1; more--) {
                found.add(Optional.empty());
                i++;
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            Optional<Heading> h = found.get(i);
            boolean row = h.isPresent() && h.get().kind() == Heading.Kind.NUMBERED && !h.get().runIn() && rowFollows(blocks, found, i);
            boolean label = h.isPresent() && h.get().kind() == Heading.Kind.NAMED && !HeadingRecognizer.isPartName(names.classify(h.get().text(), List.of()))
                    && !textFollows(blocks, found, i);
            if (row || label) {
                found.set(i, Optional.empty());
            }
        }
        return found;
    }

    /** The heading that starts at a block, over one block or the few lines a heading was broken into. */
    private Optional<Heading> headingAt(List<Block> blocks, int i) {
        String text = HeadingRecognizer.compact(blocks.get(i).text());
        int lines = titleLines(blocks, i);
        if (BARE_PART.matcher(text).matches() && lines > 0) {
            StringBuilder title = new StringBuilder(text);
            for (int j = i + 1; j <= i + lines; j++) {
                title.append(HeadingRecognizer.compact(blocks.get(j).text()));
            }
            return HeadingNumber.parse(title.toString())
                    .map(n -> new Heading(Heading.Kind.NUMBERED, n, HeadingRecognizer.trimEnd(title.toString()), false, 0, lines + 1));
        }
        Optional<Heading> h = recognizer.recognise(blocks.get(i));
        if (h.isPresent() && wrapsOnto(blocks, i)) {
            String joined = h.get().text() + HeadingRecognizer.compact(blocks.get(i + 1).text());
            if (names.classify(h.get().text(), List.of()) == null && names.classify(joined, List.of()) != null) {
                return Optional.of(new Heading(h.get().kind(), HeadingNumber.parse(joined).orElse(h.get().number()), joined,
                        false, h.get().styleLevel(), 2));
            }
        }
        return h;
    }

    /**
     * Running text comes next (after any headings right under this one): a bold unnumbered line followed by
     * table rows is a column label ("预算支出总额"), not a heading.
     */
    private static boolean textFollows(List<Block> blocks, List<Optional<Heading>> found, int i) {
        for (int j = i + 1; j < blocks.size() && j <= i + LOOK_AHEAD; j++) {
            Block b = blocks.get(j);
            if (found.get(j).isEmpty() && !b.isTable()) {
                String t = b.text().strip();
                return t.length() >= 10 && SENTENCE.matcher(t).find() && !isTableRow(t);
            }
        }
        return false;
    }

    /** The first block after a heading (and the headings right under it) is a table row printed as text. */
    private static boolean rowFollows(List<Block> blocks, List<Optional<Heading>> found, int i) {
        for (int j = i + 1; j < blocks.size() && j <= i + LOOK_AHEAD; j++) {
            if (found.get(j).isEmpty()) {
                Block b = blocks.get(j);
                return !b.isTable() && isTableRow(b.text());
            }
        }
        return false;
    }

    /** A line of a table printed as text: figures and labels, no sentence ("收入总计866,296支出总计866,296 212,340"). */
    static boolean isTableRow(String text) {
        if (SENTENCE.matcher(text).find()) {
            return false;
        }
        Matcher m = TABLE_ROW_NUMBER.matcher(text);
        int numbers = 0;
        while (m.find()) {
            numbers++;
        }
        return numbers >= 2;
    }

    /**
     * A long bold numbered heading whose last words the PDF put on the next line ("…项目工" / "务中心概况"); it is
     * joined only where the joined words name a section and the first line's alone do not.
     */
    private boolean wrapsOnto(List<Block> blocks, int i) {
        if (i + 1 >= blocks.size()) {
            return false;
        }
        Block line = blocks.get(i);
        Block next = blocks.get(i + 1);
        return line.kind() == BlockKind.PARAGRAPH && line.emphasised() && next.emphasised()
                && line.text().strip().length() >= WRAPPED_LINE && next.text().strip().length() < WRAPPED_LINE
                && HeadingNumber.parse(line.text()).map(n -> !HeadingRecognizer.LEAD_END.matcher(n.words()).find()).orElse(false)
                && isShortTitle(next) && recognizer.recognise(next).isEmpty();
    }

    /**
     * How many lines after a bare part number carry its words: one, or up to three set in the same bold type
     * ("第二部分" / "2026年度" / "苏州市应急管理局" / "部门预算表").
     */
    private static int titleLines(List<Block> blocks, int i) {
        int lines = 0;
        int length = 0;
        for (int j = i + 1; j < blocks.size() && j <= i + MAX_TITLE_LINES && isShortTitle(blocks.get(j)); j++) {
            length += blocks.get(j).text().strip().length();
            boolean sameType = blocks.get(j).emphasised() && blocks.get(i).emphasised();
            if (length > HeadingRecognizer.MAX_HEADING || j > i + 1 && !sameType) {
                break;
            }
            lines++;
        }
        return lines;
    }

    private static boolean isShortTitle(Block b) {
        String t = b.text().strip();
        return !b.isTable() && !t.isEmpty() && t.length() <= 30 && !HeadingRecognizer.SENTENCE_PUNCTUATION.matcher(t).find()
                && HeadingNumber.parse(t).isEmpty();
    }
}
