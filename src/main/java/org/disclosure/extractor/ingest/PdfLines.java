package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The geometry half of {@link PdfReader}: turns one page's glyphs into visual lines, top to bottom,
 * each line's glyphs left to right and split into fragments where a wide horizontal gap separates them.
 * Works on plain coordinates (top-left origin, y = baseline) so it does not depend on PDFBox types.
 */
final class PdfLines {

    private PdfLines() {
    }

    /** A gap between glyphs wider than this many font sizes separates fragments (table cells, right-aligned notes). */
    static final double FRAGMENT_GAP = 1.5;
    /** Between two Latin letters (or a letter and a digit) a gap wider than this many font sizes is a word space. */
    static final double LATIN_SPACE_GAP = 0.2;
    /** Between digits / Latin punctuation a gap wider than this is a space (narrower ones are justification). */
    static final double DIGIT_SPACE_GAP = 0.5;
    /** Where a CJK character is involved, only a gap of about a whole character is a space. */
    static final double CJK_SPACE_GAP = 0.95;

    /** Dot leaders of a table of contents. */
    private static final Pattern LEADER = Pattern.compile("\\.{4,}|…{3,}|·{4,}|．{4,}|-{6,}|_{6,}|—{4,}|－{6,}");
    /** A running page number: "3", "- 3 -", "第 3 页", "第3页 共20页", "3/20", "Page 3". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－_·•\\s]*(?:第?\\s*[0-9０-９]{1,4}\\s*页?(?:\\s*[,，/／]?\\s*共\\s*[0-9０-９]{1,4}\\s*页)?"
                    + "|[0-9０-９]{1,4}\\s*[/／]\\s*[0-9０-９]{1,4}|(?i:page)\\s*[0-9]{1,4}(?:\\s*(?i:of)\\s*[0-9]{1,4})?"
                    + "|[ivxlcIVXLC]{1,6})[-—–－_·•\\s]*");

    /**
     * One glyph (or the characters one text position gives) in top-left page coordinates.
     *
     * @param typeface the font family without subset prefix and style ("fangsong"), "" where the name says nothing
     * @param box      where the glyph is drawn on the rendered page, or null where that is not known
     */
    record Glyph(String text, double x, double y, double width, double size, boolean bold, boolean hei, String typeface,
                 Box box) {
        Glyph(String text, double x, double y, double width, double size, boolean bold, boolean hei, String typeface) {
            this(text, x, y, width, size, bold, hei, typeface, null);
        }

        double end() {
            return x + width;
        }
    }

    /** A vertical rule (table cell border) from {@code top} down to {@code bottom}, in the glyphs' coordinates. */
    record Rule(double x, double top, double bottom) {
        boolean crosses(double y) {
            return top <= y && bottom >= y;
        }
    }

    /** A run of glyphs on one line with no wide gap inside, and where each of its characters is drawn. */
    record Fragment(String text, double x0, double x1, GlyphBoxes glyphs) {
    }

    /**
     * One visual line.
     *
     * @param text      the fragments' text, one space between fragments
     * @param fragments the fragments left to right
     * @param y         baseline, from the top of the page
     * @param size      the dominant font size
     * @param boldShare share of the characters set in a bold font (by name or weight)
     * @param heiShare  share of the characters set in a Hei-style (black, sans, display) font
     * @param firstUnit width of the line's first unbreakable unit (what could have stayed on the line before)
     * @param ruled     the line sits in a cell of a ruled grid (at least three vertical rules at its height)
     * @param startTypeface the typeface of its first Chinese characters, "" if none or unknown
     * @param endTypeface   the typeface of its last Chinese characters, "" if none or unknown
     * @param glyphs    where each character of {@code text} is drawn
     */
    record Line(String text, List<Fragment> fragments, double x0, double x1, double y, double size,
                double boldShare, double heiShare, double firstUnit, int chars, boolean ruled,
                String startTypeface, String endTypeface, GlyphBoxes glyphs) {

        /** A line kept on its own: a table row (several fragments, or text in a ruled grid), a contents entry. */
        boolean tabular() {
            return ruled || fragments.size() > 1 || LEADER.matcher(text).find();
        }

        char firstChar() {
            return text.charAt(0);
        }

        char lastChar() {
            return text.charAt(text.length() - 1);
        }
    }

    /**
     * The page's lines in reading order (top to bottom), dropping running page numbers in the top or
     * bottom margin.
     */
    static List<Line> lines(List<Glyph> glyphs, List<Rule> rules, double pageHeight) {
        List<Glyph> visible = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            if (!g.text().isBlank() && g.size() > 0 && Double.isFinite(g.x()) && Double.isFinite(g.y())) {
                visible.add(g);
            }
        }
        visible.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Glyph>> groups = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        double baseline = 0;
        double size = 0;
        for (Glyph g : visible) {
            if (!current.isEmpty() && Math.abs(g.y() - baseline) > 0.45 * Math.min(size, g.size())) {
                groups.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                baseline = g.y();
                size = g.size();
            } else if (g.size() > size) {
                size = g.size();
            }
            current.add(g);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        attachScripts(groups);
        List<Line> lines = new ArrayList<>(groups.size());
        for (List<Glyph> group : groups) {
            lines.add(line(group, rules));
        }
        dropPageNumbers(lines, pageHeight);
        return lines;
    }

    /**
     * Puts superscripts and subscripts (a few glyphs in smaller type, raised or lowered: 局*, m³) back on the
     * line they belong to, rather than leaving them a line of their own above or below it.
     */
    private static void attachScripts(List<List<Glyph>> groups) {
        for (int i = 0; i < groups.size(); i++) {
            List<Glyph> small = groups.get(i);
            if (small.size() > 6) {
                continue;
            }
            double smallSize = small.stream().mapToDouble(Glyph::size).max().orElse(0);
            double x0 = small.stream().mapToDouble(Glyph::x).min().orElse(0);
            double x1 = small.stream().mapToDouble(Glyph::end).max().orElse(0);
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= groups.size()) {
                    continue;
                }
                List<Glyph> host = groups.get(j);
                double hostSize = host.stream().mapToDouble(Glyph::size).max().orElse(0);
                double hostY = host.stream().filter(g -> g.size() == hostSize).findFirst().orElseThrow().y();
                double distance = Math.abs(small.get(0).y() - hostY);
                // it touches a glyph of the line: right after one, or right before one
                boolean touches = host.stream().anyMatch(
                        g -> Math.abs(g.end() - x0) <= 0.5 * hostSize || Math.abs(g.x() - x1) <= 0.5 * hostSize);
                if (smallSize < 0.85 * hostSize && distance <= 0.8 * hostSize && distance < bestDistance && touches) {
                    best = j;
                    bestDistance = distance;
                }
            }
            if (best >= 0) {
                groups.get(best).addAll(small);
                groups.remove(i);
                i = Math.max(-1, Math.min(i, best) - 2);
            }
        }
    }

    /**
     * Drops running page numbers: a line that is only a page number, in the top or bottom 8% of the page, or
     * the first line in the top 12% or the last line in the bottom 15% (some reports set the footer high).
     */
    private static void dropPageNumbers(List<Line> lines, double pageHeight) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line l = lines.get(i);
            if (l.ruled() || !isPageNumber(l.text())) {
                continue;
            }
            double y = l.y() / pageHeight;
            boolean margin = y < 0.08 || y > 0.92;
            boolean edge = (i == 0 && y < 0.12) || (i == lines.size() - 1 && y > 0.85);
            if (margin || edge) {
                lines.remove(i);
            }
        }
    }

    static boolean isPageNumber(String text) {
        return PAGE_NUMBER.matcher(text.strip()).matches();
    }

    /** Builds a line from its glyphs (any order), splitting fragments at wide gaps and at vertical rules. */
    static Line line(List<Glyph> glyphs, List<Rule> rules) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::x));
        Map<Double, Integer> sizes = new HashMap<>();
        List<String> typefaces = new ArrayList<>();
        double bold = 0;
        double hei = 0;
        int chars = 0;
        for (Glyph g : sorted) {
            int n = g.text().length();
            chars += n;
            sizes.merge(Math.round(g.size() * 2) / 2.0, n, Integer::sum);
            bold += g.bold() ? n : 0;
            hei += g.hei() ? n : 0;
            if (isCjk(g.text().charAt(0)) && Character.isLetter(g.text().charAt(0))) {
                typefaces.add(g.typeface());
            }
        }
        double size = sizes.entrySet().stream().max(Map.Entry.<Double, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        double baseline = sorted.get(0).y();
        for (Glyph g : sorted) {
            if (Math.round(g.size() * 2) / 2.0 == size) {
                baseline = g.y();
                break;
            }
        }
        double middle = baseline - 0.35 * size;
        List<Double> walls = new ArrayList<>();
        for (Rule r : rules) {
            if (r.crosses(middle)) {
                walls.add(r.x());
            }
        }
        walls.sort(null);

        List<Fragment> fragments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder frag = new StringBuilder();
        GlyphBoxes.Builder fragGlyphs = new GlyphBoxes.Builder();
        double fragStart = sorted.get(0).x();
        double reach = sorted.get(0).end();
        Glyph prev = null;
        for (Glyph g : sorted) {
            if (prev != null) {
                double em = Math.max(Math.min(prev.size(), g.size()), 1);
                double gap = g.x() - reach;
                if (gap > FRAGMENT_GAP * em || wallBetween(walls, reach, g.x())) {
                    fragments.add(new Fragment(frag.toString(), fragStart, reach, fragGlyphs.build()));
                    frag.setLength(0);
                    fragGlyphs = new GlyphBoxes.Builder();
                    fragStart = g.x();
                } else if (needsSpace(prev.text(), g.text(), gap / em)) {
                    frag.append(' ');
                    fragGlyphs.none(1);
                }
            }
            frag.append(g.text());
            fragGlyphs.glyph(g.box(), g.text().length());
            reach = prev == null ? g.end() : Math.max(reach, g.end());
            prev = g;
        }
        fragments.add(new Fragment(frag.toString(), fragStart, reach, fragGlyphs.build()));
        GlyphBoxes.Builder lineGlyphs = new GlyphBoxes.Builder();
        for (Fragment f : fragments) {
            if (!text.isEmpty()) {
                text.append(' ');
                lineGlyphs.none(1);
            }
            text.append(f.text());
            lineGlyphs.append(f.glyphs());
        }
        double x0 = fragments.get(0).x0();
        boolean ruled = distinct(walls) >= 3 && walls.get(0) <= x0 + 1 && walls.get(walls.size() - 1) >= reach - 1;
        return new Line(text.toString(), List.copyOf(fragments), x0, reach, baseline, size,
                bold / chars, hei / chars, firstUnitWidth(sorted), chars, ruled,
                commonest(typefaces.subList(0, Math.min(4, typefaces.size()))),
                commonest(typefaces.subList(Math.max(0, typefaces.size() - 4), typefaces.size())), lineGlyphs.build());
    }

    /** The typeface most of a few characters are set in (one odd glyph from a fallback font does not count). */
    private static String commonest(List<String> typefaces) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : typefaces) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("");
    }

    /** A rule runs between the end of one glyph and the start of the next. */
    private static boolean wallBetween(List<Double> walls, double from, double to) {
        for (double w : walls) {
            if (w >= from - 1 && w <= to + 1) {
                return true;
            }
        }
        return false;
    }

    /** Number of rule positions at least 2pt apart. */
    private static int distinct(List<Double> sortedWalls) {
        int n = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (double w : sortedWalls) {
            if (w - last > 2) {
                n++;
                last = w;
            }
        }
        return n;
    }

    /** Whether a gap of {@code ems} font sizes between two glyphs of one fragment is a space. */
    static boolean needsSpace(String before, String after, double ems) {
        char a = before.charAt(before.length() - 1);
        char b = after.charAt(0);
        boolean words = (isLatinLetter(a) || isLatinLetter(b)) && isLatinOrDigit(a) && isLatinOrDigit(b);
        if (words) {
            return ems > LATIN_SPACE_GAP;
        }
        if (isCjk(a) || isCjk(b)) {
            return ems > CJK_SPACE_GAP;
        }
        return ems > DIGIT_SPACE_GAP;
    }

    /**
     * Width of the first thing that could not be split from the start of the line: opening brackets or quotes
     * with what follows them, then a run of Latin letters, digits and number punctuation or one CJK
     * character, then the closing punctuation that may not begin a line.
     */
    private static double firstUnitWidth(List<Glyph> sorted) {
        int i = 0;
        while (i < sorted.size() - 1 && isOpening(sorted.get(i).text().charAt(0))) {
            i++;
        }
        double end = sorted.get(i).end();
        boolean word = isWordChar(sorted.get(i).text().charAt(0));
        for (i++; i < sorted.size(); i++) {
            Glyph g = sorted.get(i);
            char c = g.text().charAt(0);
            if ((word && isWordChar(c)) || isClosing(c)) {
                end = Math.max(end, g.end());
            } else {
                break;
            }
        }
        return end - sorted.get(0).x();
    }

    /** Punctuation that may not end a line, so it goes to the next line with the character after it. */
    static boolean isOpening(char c) {
        return "（《「『【〔“‘(<[".indexOf(c) >= 0;
    }

    private static boolean isWordChar(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '.' || c == ',' || c == '%' || c == '-'
                || c == '/' || c == '‰' || (c >= '０' && c <= '９');
    }

    /** Punctuation that may not begin a line (kinsoku), so it drags the character before it to the next line. */
    static boolean isClosing(char c) {
        return "，。、；：！？）》」』】〕”’,.;:!?)%…·—～".indexOf(c) >= 0;
    }

    private static boolean isLatinOrDigit(char c) {
        return isLatinLetter(c) || (c >= '0' && c <= '9');
    }

    static boolean isLatinLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && Character.isLetter(c));
    }

    /** Han characters, CJK symbols and punctuation, full-width forms, kana and the like. */
    static boolean isCjk(char c) {
        if (Character.isSurrogate(c)) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.KANGXI_RADICALS
                || block == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.BOPOMOFO
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
                || block == Character.UnicodeBlock.PRIVATE_USE_AREA;
    }
}
