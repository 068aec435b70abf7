package org.disclosure.extractor.outline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;

/**
 * One pass over a document's blocks that nests the headings it admits, names each section and decides
 * where the glossary and the appendix begin. Single use: one builder per document.
 */
final class OutlineBuilder {

    private static final String TABLES = "tables_part";
    /** Sections whose numbered lines are entries, not sub-sections: the glossary's terms, the tables' titles and rows. */
    private static final Set<String> CONTAINERS = Set.of("glossary", TABLES);
    /** Names that do not show the main report has begun: an attachment label, a self-evaluation's title. */
    private static final Set<String> NOT_MAIN = Set.of("appendix", "performance");
    private static final Pattern TITLE_FRAGMENT = Pattern.compile("^(?=[\\p{IsHan}\\d（(])[^，。；：,;:]*\\p{IsHan}[^，。；：,;:]*$");
    private static final int LONGEST_TITLE_FRAGMENT = 30;

    /** A section while its end is not yet known. */
    private static final class Open {
        final Heading heading;
        final String text;
        final String canonical;
        final int level;
        final int headingBlock;
        int firstBlock;
        int end = -1;
        final Scope scope;
        final List<String> path;

        Open(Heading heading, String text, String canonical, int level, int headingBlock, int firstBlock,
             Scope scope, List<String> path) {
            this.heading = heading;
            this.text = text;
            this.canonical = canonical;
            this.level = level;
            this.headingBlock = headingBlock;
            this.firstBlock = firstBlock;
            this.scope = scope;
            this.path = path;
        }
    }

    private final List<Block> blocks;
    private final SectionNames names;
    private final Optional<TableOfContents> toc;
    private final List<Optional<Heading>> candidates;
    private final List<Open> sections = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private int topLevel = Integer.MAX_VALUE;
    private boolean mainSeen;
    private boolean standalone;
    private boolean appendixStarted;
    private int lastHeadingBlock = -1;

    OutlineBuilder(List<Block> blocks, SectionNames names) {
        this.blocks = blocks;
        this.names = names;
        List<Optional<Heading>> read = new HeadingCandidates(names).read(blocks);
        this.toc = TableOfContents.find(blocks, read, i -> read.get(i).map(h -> levelOf(h, false, i)).orElse(0));
        List<Optional<Heading>> outsideToc = new ArrayList<>(read);
        toc.ifPresent(t -> {
            for (int i = t.from(); i < t.to(); i++) {
                outsideToc.set(i, Optional.empty());
            }
        });
        this.candidates = NumberedLists.withoutListItems(blocks, outsideToc);
    }

    SectionTree build() {
        for (int i = 0; i < blocks.size(); i++) {
            int at = i;
            candidates.get(i).ifPresent(h -> consider(at, h));
        }
        close(0, blocks.size());
        return new SectionTree(sections.stream()
                .map(o -> new Section(o.text, o.canonical, o.level, o.headingBlock, Math.min(o.firstBlock, o.end), o.end,
                        blocks.get(o.headingBlock).page(), o.scope, o.path))
                .toList());
    }

    private void consider(int i, Heading h) {
        Open last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
        if (h.kind() == Heading.Kind.REPORT_TITLE && last != null && last.heading.kind() == Heading.Kind.REPORT_TITLE
                && lastHeadingBlock == i - 1) {
            last.firstBlock = i + 1; // a second title line: the report's subtitle
            lastHeadingBlock = i;
            return;
        }
        if (h.kind() == Heading.Kind.APPENDIX_MARK && !mainSeen) {
            return; // "附件2" on a cover labels the whole document
        }
        int level = levelOf(h, true, i);
        String canonical = h.kind() == Heading.Kind.TABLE_MARK ? TABLES : names.classify(h.text(), enclosingNames(level));
        if (!admitted(h, level, canonical)) {
            return;
        }
        int headingBlock = i;
        String text = h.text();
        if (h.kind() == Heading.Kind.REPORT_TITLE && isTitleFragment(i - 1)) {
            headingBlock = i - 1;
            text = HeadingRecognizer.compact(blocks.get(i - 1).text()) + text;
        }
        close(level, headingBlock);
        Open parent = open.peek();
        Scope scope = scopeOf(h, canonical, parent);
        List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path);
        path.add(text);
        Open section = new Open(h, text, canonical, level, headingBlock, h.runIn() ? i : i + h.span(), scope, List.copyOf(path));
        sections.add(section);
        open.push(section);
        lastHeadingBlock = i;
        if (canonical != null && !NOT_MAIN.contains(canonical)) {
            mainSeen = true;
        }
        if (h.kind() != Heading.Kind.REPORT_TITLE && h.kind() != Heading.Kind.APPENDIX_MARK && h.kind() != Heading.Kind.TABLE_MARK) {
            topLevel = Math.min(topLevel, level);
        }
    }

    /**
     * The level a heading takes: its number's, unless the number continues a sequence written in another
     * style ("（一）…" then "（2）…") or is Word's list numbering standing for 一、 ("7、 一般公共预算…").
     */
    private int levelOf(Heading h, boolean inContext, int at) {
        switch (h.kind()) {
            case STYLED:
                return h.styleLevel();
            case NUMBERED:
                if (inContext) {
                    Optional<Integer> continued = continuedLevel(h.number(), at);
                    if (continued.isPresent()) {
                        return continued.get();
                    }
                }
                if (inContext && partOpen() && TABLES.equals(names.classify(h.text(), List.of()))) {
                    return HeadingNumber.Style.PART.level(); // "二、表格部分" after "第九部分": a part of its own
                }
                return h.wordListNumber() && standsForChinese(h, inContext) ? HeadingNumber.Style.CHINESE.level()
                        : h.number().level();
            case TABLE_MARK:
                return topLevel != Integer.MAX_VALUE ? topLevel : 1;
            case NAMED:
                String canonical = names.classify(h.text(), List.of());
                if ("glossary".equals(canonical)) {
                    return inContext && topLevel != Integer.MAX_VALUE ? topLevel : 1;
                }
                return HeadingRecognizer.isPartName(canonical) ? 1 : 2;
            default:
                return 1;
        }
    }

    private boolean partOpen() {
        return open.stream().anyMatch(o -> o.heading.number() != null && o.heading.number().style() == HeadingNumber.Style.PART);
    }

    /**
     * Word's list numbering "N、" stands for 一、 when its words name a known section and no （一） is open,
     * or when it is the first number right under a part or a report title.
     */
    private boolean standsForChinese(Heading h, boolean inContext) {
        if (!inContext) {
            return names.classify(h.text(), List.of()) != null;
        }
        boolean inSubsection = open.stream().anyMatch(o -> o.level >= HeadingNumber.Style.CHINESE_BRACKET.level());
        boolean underPart = open.stream().allMatch(o -> o.level < HeadingNumber.Style.CHINESE.level());
        return !inSubsection && names.classify(h.text(), List.of()) != null || underPart && h.number().ordinal() == 1;
    }

    /**
     * The level of an open heading whose sequence this number continues: its previous sibling, or a heading in
     * another style of the same family (（一） then （2）; 八、 then 9、) provided nothing numbered (n-1) in this
     * number's own style came first.
     */
    private Optional<Integer> continuedLevel(HeadingNumber n, int at) {
        if (n.ordinal() < 2) {
            return Optional.empty();
        }
        for (Open o : open) {
            HeadingNumber theirs = o.heading.number();
            if (theirs != null && theirs.style() == n.style() && theirs.ordinal() == n.ordinal() - 1) {
                return Optional.of(o.level); // the next sibling sits where the previous one does
            }
            if (theirs != null && theirs.style() != n.style() && bracketed(theirs) == bracketed(n)
                    && theirs.ordinal() == n.ordinal() - 1) {
                int from = parentOf(o).map(p -> p.headingBlock).orElse(0);
                return hasNumber(from, at, n.style(), n.ordinal() - 1) ? Optional.empty() : Optional.of(o.level);
            }
        }
        return Optional.empty();
    }

    private static boolean bracketed(HeadingNumber n) {
        return n.style() == HeadingNumber.Style.CHINESE_BRACKET || n.style() == HeadingNumber.Style.ARABIC_BRACKET;
    }

    private Optional<Open> parentOf(Open section) {
        boolean below = false;
        for (Open o : open) {
            if (below) {
                return Optional.of(o);
            }
            below = o == section;
        }
        return Optional.empty();
    }

    private boolean hasNumber(int from, int to, HeadingNumber.Style style, int ordinal) {
        for (int j = from; j < to; j++) {
            Optional<HeadingNumber> n = HeadingNumber.parse(blocks.get(j).text());
            if (n.isPresent() && n.get().style() == style && n.get().ordinal() == ordinal) {
                return true;
            }
        }
        return false;
    }

    /** Inside the glossary or the tables part only a heading that ends it counts. */
    private boolean admitted(Heading h, int level, String canonical) {
        if (h.kind() == Heading.Kind.TABLE_MARK && open.stream().anyMatch(o -> TABLES.equals(o.canonical))) {
            return false; // the next table of a tables part already open
        }
        Open container = null;
        for (Open o : open) {
            if (o.canonical != null && CONTAINERS.contains(o.canonical)) {
                container = o;
                break;
            }
        }
        if (container != null && h.kind() == Heading.Kind.APPENDIX_MARK && h.text().startsWith("附表")
                && TABLES.equals(container.canonical)) {
            return false; // "附表14": one of the report's own tables
        }
        if (container == null || h.kind() == Heading.Kind.REPORT_TITLE || h.kind() == Heading.Kind.APPENDIX_MARK
                || level < container.level) {
            return true;
        }
        if (level > container.level || h.kind() == Heading.Kind.NAMED && container.canonical.equals(canonical)) {
            return false;
        }
        if (HeadingRecognizer.isPartName(canonical)
                || h.kind() == Heading.Kind.STYLED && container.heading.kind() == Heading.Kind.STYLED) {
            return true;
        }
        HeadingNumber mine = h.number();
        HeadingNumber theirs = container.heading.number();
        if (mine != null && theirs != null && mine.style() == theirs.style()) {
            return mine.ordinal() == theirs.ordinal() + 1;
        }
        return !h.runIn();
    }

    private Scope scopeOf(Heading h, String canonical, Open parent) {
        boolean appended = h.kind() == Heading.Kind.APPENDIX_MARK || "appendix".equals(canonical)
                || h.kind() == Heading.Kind.REPORT_TITLE && !standalone;
        if (h.kind() == Heading.Kind.REPORT_TITLE && !mainSeen) {
            standalone = true; // the document is itself such a report
        } else if (appended && mainSeen) {
            appendixStarted = true;
        }
        if (appendixStarted) {
            return Scope.APPENDIX;
        }
        boolean glossary = "glossary".equals(canonical) || parent != null && parent.scope == Scope.GLOSSARY;
        return glossary ? Scope.GLOSSARY : Scope.MAIN;
    }

    /** A short line just above a report title that begins it ("2024年度XX市医疗保障局整体支出" / "绩效自评报告"). */
    private boolean isTitleFragment(int j) {
        if (j < 0 || j <= lastHeadingBlock || candidates.get(j).isPresent() || toc.map(t -> t.contains(j)).orElse(false)) {
            return false;
        }
        Block b = blocks.get(j);
        String t = HeadingRecognizer.compact(b.text());
        return !b.isTable() && t.length() <= LONGEST_TITLE_FRAGMENT && TITLE_FRAGMENT.matcher(t).matches();
    }

    private List<String> enclosingNames(int level) {
        List<String> found = new ArrayList<>();
        for (Iterator<Open> it = open.descendingIterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.level < level && o.canonical != null) {
                found.add(o.canonical);
            }
        }
        return found;
    }

    /** Ends every open section of that level or deeper just before the given block. */
    private void close(int level, int before) {
        while (!open.isEmpty() && open.peek().level >= level) {
            open.pop().end = before;
        }
    }
}
