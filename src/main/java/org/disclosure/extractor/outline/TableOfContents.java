package org.disclosure.extractor.outline;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;

/**
 * Finds the table of contents at the start of a report: its entries repeat the headings (often without
 * dot leaders or page numbers) and must not open sections. The body begins where an entry comes round again.
 *
 * @param from first block of the table of contents (its 目录 line)
 * @param to   first block of the body
 */
record TableOfContents(int from, int to) {

    private static final Pattern TOC_TITLE = Pattern.compile("^(目录|目次)[：:]?$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[.…·\\-_\\s]*\\d{0,3}$");
    /** How far into a document a 目录 line is looked for, and how long a table of contents may run. */
    private static final int SEARCH = 80;
    private static final int LONGEST = 200;
    private static final int MIN_DOTTED = 3;
    private static final int SHORT_LINE = 40;
    private static final Pattern SENTENCE = Pattern.compile("[。，；：,;:]");
    private static final Pattern NOTE = Pattern.compile("^(注|说明)[：:]");

    boolean contains(int block) {
        return block >= from && block < to;
    }

    /**
     * The table of contents of a document, if it has one.
     *
     * @param candidates the heading each block reads as, if any
     * @param levelOf    the level a block would have as a heading, or 0 if it does not read as one
     */
    static Optional<TableOfContents> find(List<Block> blocks, List<Optional<Heading>> candidates, IntUnaryOperator levelOf) {
        int title = -1;
        for (int i = 0; i < Math.min(blocks.size(), SEARCH) && title < 0; i++) {
            if (TOC_TITLE.matcher(HeadingRecognizer.compact(blocks.get(i).text())).matches()) {
                title = i;
            }
        }
        return title >= 0 ? afterTitle(blocks, candidates, title, levelOf)
                : dotted(blocks).or(() -> untitled(blocks, candidates, levelOf));
    }

    /**
     * Without a 目录 line or dot leaders: the document opens with a run of entries only (headings and short
     * lines, no sentence), and one of them comes round again — 第一部分…情况说明 | 一、部门情况说明 | … | 十三、… |
     * 一、部门情况说明 (the body). A run that ends in a sentence or a table before any entry repeats is no contents.
     */
    private static Optional<TableOfContents> untitled(List<Block> blocks, List<Optional<Heading>> candidates,
                                                      IntUnaryOperator levelOf) {
        Set<String> entries = new HashSet<>();
        for (int i = 0; i < Math.min(blocks.size(), LONGEST); i++) {
            Block b = blocks.get(i);
            boolean heading = levelOf.applyAsInt(i) > 0;
            String key = heading ? key(candidates.get(i).map(Heading::text).orElse(b.text())) : "";
            if (!key.isEmpty() && entries.contains(key)) {
                return entries.size() >= MIN_DOTTED ? Optional.of(new TableOfContents(0, bodyStart(i, -1, candidates, levelOf)))
                        : Optional.empty();
            }
            if (b.isTable() || !isEntry(b, heading)) {
                return Optional.empty();
            }
            if (!key.isEmpty()) {
                entries.add(key);
            }
        }
        return Optional.empty();
    }

    private static Optional<TableOfContents> afterTitle(List<Block> blocks, List<Optional<Heading>> candidates, int title,
                                                        IntUnaryOperator levelOf) {
        Set<String> entries = new HashSet<>();
        int end = Math.min(blocks.size(), title + LONGEST);
        for (int i = title + 1; i < end; i++) {
            Block b = blocks.get(i);
            boolean heading = levelOf.applyAsInt(i) > 0 || HeadingRecognizer.isTocEntry(b.text());
            String key = heading ? key(candidates.get(i).map(Heading::text).orElse(b.text())) : "";
            if (b.isTable() || entries.contains(key) || !isEntry(b, heading)) {
                return Optional.of(new TableOfContents(title, bodyStart(i, title, candidates, levelOf)));
            }
            if (!key.isEmpty()) {
                entries.add(key);
            }
        }
        return Optional.empty();
    }

    /** Without a 目录 line: a run of entries with dot leaders near the start. */
    private static Optional<TableOfContents> dotted(List<Block> blocks) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < Math.min(blocks.size(), LONGEST); i++) {
            if (HeadingRecognizer.isTocEntry(blocks.get(i).text())) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        return count >= MIN_DOTTED ? Optional.of(new TableOfContents(first, last + 1)) : Optional.empty();
    }

    /** Where the body begins: the first block past the entries, with the headings just above it that open it. */
    private static int bodyStart(int body, int title, List<Optional<Heading>> candidates, IntUnaryOperator levelOf) {
        int level = levelOf.applyAsInt(body) > 0 ? levelOf.applyAsInt(body) : Integer.MAX_VALUE;
        int start = body;
        for (int j = body - 1; j > title; j--) {
            if (j - 1 > title && candidates.get(j - 1).map(h -> h.span() > 1).orElse(false)) {
                j--; // the second line of a two-line heading
            }
            int l = levelOf.applyAsInt(j);
            if (l <= 0 || l >= level) {
                break;
            }
            level = l;
            start = j;
        }
        return start;
    }

    /** What a table of contents holds: entries, short lines without sentences, notes ("注：以上…"). */
    private static boolean isEntry(Block b, boolean heading) {
        String t = b.text().strip();
        String withoutClose = t.replaceAll("[。：:]+$", "");
        return HeadingRecognizer.isTocEntry(t) || NOTE.matcher(t).find()
                || (heading || t.length() <= SHORT_LINE) && !SENTENCE.matcher(withoutClose).find();
    }

    /** An entry's words, as they come back in the body: no number, no dot leaders, no page number. */
    static String key(String text) {
        String words = SectionNames.wordsOf(text.strip());
        return PAGE_NUMBER.matcher(words).replaceFirst("");
    }
}
