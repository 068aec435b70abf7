package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.PdfLines.Line;
import org.disclosure.extractor.ingest.PdfReader.PageLines;
import org.disclosure.extractor.ingest.PdfTables.PageTable;

/**
 * The paragraph half of {@link PdfReader}: joins the document's lines (top to bottom on each page) into
 * paragraph blocks, with the page each starts on and whether it is set in bold or larger type, and puts each
 * page's tables between them where they stand (a paragraph does not run on across a table).
 */
final class PdfParagraphs {

    /** Paragraph-ending punctuation: a paragraph ending in one of these does not continue on the next page. */
    private static final String CLOSING = "。；！？：;!?:";
    private static final String TRAILING_QUOTES = "”’」』）)》\"'";
    /** Section markers: 第一部分, 一、, （一） followed by text. */
    static final Pattern SECTION_MARKER = Pattern.compile(
            "(?:第[一二三四五六七八九十百零〇0-9０-９]{1,3}部分"
                    + "|[一二三四五六七八九十]{1,3}[、．.]"
                    + "|[（(][一二三四五六七八九十]{1,3}[)）])\\s*\\S.*");
    /** List markers: （1）, 1. / 1、 / 1） followed by text (not a number such as 1.5). */
    static final Pattern LIST_MARKER = Pattern.compile(
            "(?:[（(][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}(?:[、)）]|[.．](?![0-9０-９])))\\s*\\S.*");
    private final List<PageLines> pages;
    private final double bodySize;
    private final boolean heiIsBody;
    /** Per page: baseline distance, in font sizes, beyond which a gap starts a new paragraph. */
    private final List<Double> paragraphGaps;
    private final List<Margins> pageMargins;

    PdfParagraphs(List<PageLines> pages) {
        pages = withoutRunningHeads(pages);
        this.pages = pages;
        // body text: the size most prose is set in (long lines outside tables), else (a report of tables) the
        // commonest size
        Map<Double, Integer> prose = new HashMap<>();
        Map<Double, Integer> all = new HashMap<>();
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                all.merge(l.size(), l.chars(), Integer::sum);
                if (!l.tabular() && l.chars() >= 20) {
                    prose.merge(l.size(), l.chars(), Integer::sum);
                }
            }
        }
        int proseChars = prose.values().stream().mapToInt(Integer::intValue).sum();
        bodySize = proseChars < 300 ? mode(all, 12) : mode(prose, 12);
        int chars = 0;
        double hei = 0;
        for (PageLines p : pages) {
            for (Line l : p.lines()) {
                if (!l.tabular() && l.size() == bodySize) {
                    chars += l.chars();
                    hei += l.heiShare() * l.chars();
                }
            }
        }
        heiIsBody = chars > 0 && hei / chars > 0.5;
        pageMargins = margins(pages);
        paragraphGaps = paragraphGaps();
    }

    /**
     * Drops running headers and footers: a line in plain type no larger than the page's usual, among the first
     * two (last two) of a page and in its top (bottom) 8%, whose text recurs there on at least three pages and
     * a quarter of the pages (footers: digits aside, for their page numbers). Repeated table titles are bold or
     * larger, or sit lower, and stay.
     */
    static List<PageLines> withoutRunningHeads(List<PageLines> pages) {
        Map<String, Integer> seen = new HashMap<>();
        for (PageLines p : pages) {
            for (String key : new HashSet<>(runningKeys(p).values())) {
                seen.merge(key, 1, Integer::sum);
            }
        }
        int needed = Math.max(3, (pages.size() + 3) / 4);
        List<PageLines> kept = new ArrayList<>(pages.size());
        for (PageLines p : pages) {
            Map<Line, String> keys = runningKeys(p);
            List<Line> lines = new ArrayList<>(p.lines());
            lines.removeIf(l -> keys.containsKey(l) && seen.get(keys.get(l)) >= needed);
            kept.add(lines.size() == p.lines().size() ? p : p.withLines(lines));
        }
        return kept;
    }

    /** The page's header and footer candidates, each with its key: top or bottom, and its text. */
    private static Map<Line, String> runningKeys(PageLines p) {
        Map<Line, String> keys = new IdentityHashMap<>();
        List<Line> lines = p.lines();
        if (lines.isEmpty()) {
            return keys;
        }
        double[] sizes = lines.stream().mapToDouble(Line::size).sorted().toArray();
        double usual = sizes[sizes.length / 2];
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            // a table's caption row ("部门名称：… 单位：万元") repeated atop its pages is no running header
            boolean top = i < 2 && l.y() < 0.08 * p.height() && !l.tabular();
            boolean bottom = i >= lines.size() - 2 && l.y() > 0.92 * p.height();
            if ((top || bottom) && !l.ruled() && l.boldShare() <= 0.5 && l.size() <= usual + 0.01) {
                String text = l.text().replaceAll("\\s+", "");
                keys.put(l, top ? "top:" + text : "bottom:" + text.replaceAll("[0-9０-９]+", "#"));
            }
        }
        return keys;
    }

    /**
     * Per page, the baseline distance in font sizes beyond which a gap between two lines starts a new paragraph.
     * On a page whose paragraphs are spaced apart (every gap after a line that ends a paragraph is wider than
     * every gap inside one), halfway between the two; elsewhere only a blank line's worth, as gaps inside
     * paragraphs vary: Word sets a line with taller type (Times digits among 仿宋) lower, and sections differ.
     */
    private List<Double> paragraphGaps() {
        List<List<Double>> within = new ArrayList<>();
        List<List<Double>> after = new ArrayList<>();
        List<Double> allWithin = new ArrayList<>();
        for (int pi = 0; pi < pages.size(); pi++) {
            Margins m = pageMargins.get(pi);
            List<Line> lines = pages.get(pi).lines();
            List<Double> in = new ArrayList<>();
            List<Double> out = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                Line a = lines.get(i - 1);
                Line b = lines.get(i);
                double r = (b.y() - a.y()) / a.size();
                if (a.tabular() || b.tabular() || a.size() != b.size() || r < 0.9 || r > 4 || indented(b, m)
                        || SECTION_MARKER.matcher(b.text()).matches() || LIST_MARKER.matcher(b.text()).matches()) {
                    continue;
                }
                if (endedShort(a, b, m)) {
                    out.add(r);
                } else if (!endsClosed(a)) {
                    in.add(r);
                }
            }
            within.add(in);
            after.add(out);
            allWithin.addAll(in);
        }
        double line = allWithin.isEmpty() ? 1.5 : quantile(allWithin, 0.5);
        double blank = Math.max(line * 1.6, allWithin.isEmpty() ? 0 : quantile(allWithin, 0.9) + 0.05);
        List<Double> gaps = new ArrayList<>(pages.size());
        for (int pi = 0; pi < pages.size(); pi++) {
            List<Double> in = within.get(pi);
            List<Double> out = after.get(pi);
            double inside = in.isEmpty() ? line : in.stream().mapToDouble(Double::doubleValue).max().orElse(line);
            double apart = out.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            gaps.add(out.size() >= 2 && apart > inside * 1.08 ? (inside + apart) / 2 : blank);
        }
        return gaps;
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static double mode(Map<Double, Integer> counts, double fallback) {
        return counts.entrySet().stream()
                .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    /** Body text margins of a page; {@code widest} is the furthest any line reaches. */
    record Margins(double left, double right, double widest) {
    }

    /**
     * Each page's body text margins. The left margin is the leftmost line start that recurs; the right margin the
     * line end where most lines stop (at least three within half a character; lines with hanging punctuation
     * reach past it). A page with too little running text to tell, or whose lines stop far from where the
     * other pages of its width stop (a contents page, a list), takes the usual right margin of those pages.
     */
    private static List<Margins> margins(List<PageLines> pages) {
        List<Margins> found = new ArrayList<>(pages.size());
        Map<Long, List<Double>> rightsByWidth = new HashMap<>();
        for (PageLines p : pages) {
            Margins m = ownMargins(p);
            found.add(m);
            if (!Double.isNaN(m.right())) {
                rightsByWidth.computeIfAbsent(Math.round(p.width() / 10), w -> new ArrayList<>()).add(m.right());
            }
        }
        List<Margins> margins = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Margins m = found.get(i);
            List<Double> rights = rightsByWidth.getOrDefault(Math.round(pages.get(i).width() / 10), List.of());
            double usual = Double.NaN;
            if (!rights.isEmpty()) {
                List<Double> sorted = new ArrayList<>(rights);
                sorted.sort(null);
                usual = sorted.get(sorted.size() / 2);
            }
            double right = m.right();
            if (Double.isNaN(right) || (!Double.isNaN(usual) && Math.abs(right - usual) > 36)) {
                right = Double.isNaN(usual) ? m.widest() : usual;
            }
            margins.add(new Margins(m.left(), Math.max(right, m.left() + 1), m.widest()));
        }
        return margins;
    }

    /** The page's own margins; right is NaN where too few lines share a right edge. */
    private static Margins ownMargins(PageLines p) {
        List<Line> narrative = p.lines().stream().filter(l -> !l.tabular()).toList();
        if (narrative.isEmpty()) {
            return new Margins(0, Double.NaN, p.width());
        }
        double left = Double.MAX_VALUE;
        double minStart = Double.MAX_VALUE;
        double widest = 0;
        int[] ends = new int[narrative.size()];
        int peak = 0;
        for (int i = 0; i < narrative.size(); i++) {
            Line l = narrative.get(i);
            minStart = Math.min(minStart, l.x0());
            widest = Math.max(widest, l.x1());
            int starts = 0;
            for (Line o : narrative) {
                if (Math.abs(o.x0() - l.x0()) <= 0.3 * l.size()) {
                    starts++;
                }
                if (o.x1() <= l.x1() + 0.01 && o.x1() >= l.x1() - 0.5 * l.size()) {
                    ends[i]++;
                }
            }
            if (starts >= 2) {
                left = Math.min(left, l.x0());
            }
            peak = Math.max(peak, ends[i]);
        }
        // the margin is near the right edge of the text: within two characters of the second widest line
        List<Double> widths = new ArrayList<>(narrative.stream().map(Line::x1).toList());
        widths.sort(null);
        double edge = widths.get(Math.max(0, widths.size() - 2));
        double right = Double.NaN;
        for (int i = 0; i < narrative.size(); i++) {
            Line l = narrative.get(i);
            if (ends[i] >= 3 && ends[i] == peak && !(right >= l.x1()) && l.x1() >= edge - 2 * l.size()) {
                right = l.x1();
            }
        }
        return new Margins(left == Double.MAX_VALUE ? minStart : left, right, widest);
    }

    /**
     * Set in bold, in a black (Hei) face where the body is not, or (outside tables, whose type sizes say little)
     * clearly larger than the body text.
     */
    private boolean emphasised(Line l) {
        return l.boldShare() > 0.5 || (!heiIsBody && l.heiShare() > 0.5)
                || (!l.tabular() && l.size() > bodySize * 1.15 + 0.01);
    }

    /** A paragraph under construction. */
    private static final class Para {
        final int page;
        final StringBuilder text = new StringBuilder();
        final GlyphBoxes.Builder glyphs = new GlyphBoxes.Builder();
        final boolean tabular;
        int chars;
        int emphasisedChars;
        Line last;
        boolean lastEmphasised;
        Margins lastMargins;

        Para(int page, boolean tabular) {
            this.page = page;
            this.tabular = tabular;
        }

        void add(Line l, boolean emphasised, Margins m) {
            if (last != null && PdfLines.isLatinLetter(last.lastChar()) && PdfLines.isLatinLetter(l.firstChar())) {
                text.append(' ');
                glyphs.none(1);
            }
            text.append(l.text());
            glyphs.append(l.glyphs());
            chars += l.chars();
            emphasisedChars += emphasised ? l.chars() : 0;
            last = l;
            lastEmphasised = emphasised;
            lastMargins = m;
        }

        Block block() {
            return Block.paragraph(text.toString(), page, emphasisedChars * 2 > chars, glyphs.build());
        }
    }

    /** The document's blocks: paragraphs, and each page's tables where they stand between its lines. */
    List<Block> blocks() {
        List<Object> pieces = new ArrayList<>();
        for (int pi = 0; pi < pages.size(); pi++) {
            PageLines p = pages.get(pi);
            Margins m = pageMargins.get(pi);
            List<PageTable> tables = p.tables();
            int nextTable = 0;
            Para open = null;
            boolean firstOnPage = true;
            for (Line line : p.lines()) {
                while (nextTable < tables.size() && tables.get(nextTable).top() < line.y() - 0.5 * line.size()) {
                    pieces.add(Block.table(tables.get(nextTable++).table(), p.page()));
                    open = null;
                    firstOnPage = false;
                }
                boolean emph = emphasised(line);
                Object last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                if (firstOnPage && last instanceof Para before && continuesAcrossPage(before, line, emph, m)) {
                    open = before;
                } else if (open == null || line.tabular() || open.tabular || breaks(open, line, emph, m, paragraphGaps.get(pi))) {
                    open = new Para(p.page(), line.tabular());
                    pieces.add(open);
                }
                open.add(line, emph, m);
                firstOnPage = false;
            }
            while (nextTable < tables.size()) {
                pieces.add(Block.table(tables.get(nextTable++).table(), p.page()));
            }
        }
        return pieces.stream().map(piece -> piece instanceof Para para ? para.block() : (Block) piece).toList();
    }

    /** Whether {@code line} starts a new paragraph after the open one on the same page. */
    private boolean breaks(Para open, Line line, boolean emph, Margins m, double paragraphGap) {
        Line prev = open.last;
        double em = Math.max(prev.size(), line.size());
        double gap = line.y() - prev.y();
        if (gap < 0.3 * em || gap > paragraphGap * em) {
            return true;
        }
        if (Math.abs(prev.size() - line.size()) > 0.1 * em || typefaceChanges(prev, line)) {
            return true;
        }
        boolean prevFull = !endedShort(prev, line, m);
        boolean prevClosed = endsClosed(prev);
        if (emph != open.lastEmphasised) {
            // a bold run-in heading that fills its line and runs on in plain type stays one paragraph
            boolean runIn = open.lastEmphasised && prevFull && !prevClosed && !indented(line, m);
            if (!runIn) {
                return true;
            }
        }
        if (indented(line, m)) {
            // a paragraph set in as a whole (or a page whose left margin is misjudged): lines start where
            // the one before did
            boolean sameIndent = Math.abs(prev.x0() - line.x0()) <= 0.3 * em;
            boolean centred = centred(prev, m) && centred(line, m) && prev.x1() - prev.x0() > 0.5 * (m.right - m.left);
            if (!((sameIndent || centred) && prevFull && !prevClosed)) {
                return true;
            }
        }
        if (!prevFull) {
            return true;
        }
        // a section marker: （一） or 第一部分 at the start of a line; 一、 after a line that closed a sentence or
        // a bracket, or set in from the margin (a line that merely wraps at "统" before "一、" is neither);
        // numbered items (1、 2、) often run on
        if (nextItem(open.text, line.text())) {
            return true;
        }
        if (!SECTION_MARKER.matcher(line.text()).matches()) {
            return false;
        }
        char first = line.firstChar();
        return first == '（' || first == '(' || first == '第' || prevClosed || indented(line, m)
                || prev.lastChar() == '）' || prev.lastChar() == ')';
    }

    /** The paragraph open at the end of the previous page goes on with the first line of this page. */
    private boolean continuesAcrossPage(Para open, Line line, boolean emph, Margins m) {
        Line prev = open.last;
        boolean styleChange = emph != open.lastEmphasised && !(open.lastEmphasised && !emph);
        if (open.tabular || line.tabular() || endsClosed(prev) || styleChange || typefaceChanges(prev, line)
                || Math.abs(prev.size() - line.size()) > 0.1 * Math.max(prev.size(), line.size())) {
            return false;
        }
        if (indented(line, m) || SECTION_MARKER.matcher(line.text()).matches()
                || LIST_MARKER.matcher(line.text()).matches()) {
            return false;
        }
        return !endedShort(prev, line, open.lastMargins);
    }

    private static final Pattern NUMBERED = Pattern.compile("^(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）]"
            + "|[（(]([0-9]{1,2})[)）]|([0-9]{1,2})[、．.](?![0-9])|(?:附表|附件|表|图)([0-9]{1,2})(?![0-9]))");

    /** The line starts the item after the one the paragraph starts with: 八、… then 九、…, （2）… then （3）…, 表7 then 表8. */
    static boolean nextItem(CharSequence paragraph, String line) {
        Matcher a = NUMBERED.matcher(paragraph);
        Matcher b = NUMBERED.matcher(line);
        if (!a.find() || !b.find()) {
            return false;
        }
        for (int g = 1; g <= 5; g++) {
            if ((a.group(g) == null) != (b.group(g) == null)) {
                return false;
            }
            if (a.group(g) != null) {
                return number(b.group(g)) == number(a.group(g)) + 1;
            }
        }
        return false;
    }

    /** 1 to 99 from Arabic digits or Chinese numerals (一 … 九十九); -1 for anything else. */
    static int number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        String digits = "一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digits.indexOf(s.charAt(0)) + 1 : -1;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
        return tens * 10 + units;
    }

    /**
     * The Chinese text changes typeface from the end of one line to the start of the next (a 楷体 heading
     * above 仿宋 body; a run-in heading that ends within its line does not count).
     */
    private static boolean typefaceChanges(Line prev, Line line) {
        String before = prev.endTypeface();
        String after = line.startTypeface();
        return !before.isEmpty() && !after.isEmpty() && !before.equals(after);
    }

    private static boolean indented(Line line, Margins m) {
        return line.x0() - m.left > 0.8 * line.size();
    }

    private static boolean centred(Line line, Margins m) {
        double centre = (line.x0() + line.x1()) / 2;
        return line.x0() - m.left > 0.8 * line.size() && Math.abs(centre - (m.left + m.right) / 2) < 1.5 * line.size();
    }

    /**
     * The previous line stopped although the next line's first unbreakable unit would have fitted after it
     * (with some slack: a layout grid or compressed punctuation makes the unit take more room than its glyphs).
     */
    private static boolean endedShort(Line prev, Line next, Margins m) {
        double room = m.right - prev.x1();
        return room > 1.15 * next.firstUnit() + 0.5 * prev.size();
    }

    private static boolean endsClosed(Line line) {
        String t = line.text();
        int i = t.length() - 1;
        while (i > 0 && TRAILING_QUOTES.indexOf(t.charAt(i)) >= 0) {
            i--;
        }
        return CLOSING.indexOf(t.charAt(i)) >= 0;
    }
}
