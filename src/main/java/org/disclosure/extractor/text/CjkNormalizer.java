package org.disclosure.extractor.text;

import java.text.Normalizer;
import java.util.BitSet;
import java.util.Map;

/**
 * The one place CJK text is normalised: full-width digits, letters and number punctuation to ASCII,
 * Kangxi and CJK-radical code points (which some PDFs emit instead of ideographs) to the ideographs,
 * and white space removed wherever it touches a Han character or CJK punctuation ("目 录", "2024 年度")
 * while kept between two numbers or words. Chinese punctuation such as ，（）：is kept as it is.
 */
public final class CjkNormalizer {

    /** CJK Radicals Supplement forms that stand for a unified ideograph (NFKC maps only a few of them). */
    private static final Map<Character, Character> RADICALS = radicals(
            "⺁厂⺊卜⺎兀⺓幺⺝月⺟母⺠民⺩王⺼月⻁虎⻄西⻅见⻆角⻈讠⻉贝⻋车⻏阝⻑長⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞"
            + "⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⺢氺⺣灬⺮竹⺯糸⺰纟⺶羊⺸芈⺹耂⺾艹⻂衤⻊足");

    private CjkNormalizer() {
    }

    private static Map<Character, Character> radicals(String pairs) {
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            map.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
        return Map.copyOf(map);
    }

    /**
     * A normalised text with, for each of its characters, the index of the character of the original text it
     * stands for ({@code source[i]}), so a span of the normalised text can be found in the original.
     */
    public record Mapped(String text, int[] source) {
    }

    /** Normalises one piece of text (a paragraph, a heading or a cell). Line breaks between Han characters go too. */
    public static String normalize(String s) {
        return normalize(s, null);
    }

    /** As {@link #normalize(String)}, keeping where each character of the result came from. */
    public static Mapped normalizeMapped(String s) {
        int[][] source = new int[1][];
        String text = normalize(s, source);
        return new Mapped(text, source[0]);
    }

    /** Normalises {@code s}; where {@code source} is not null, puts the source index of each result character in it. */
    private static String normalize(String s, int[][] source) {
        if (s == null || s.isEmpty()) {
            if (source != null) {
                source[0] = new int[0];
            }
            return "";
        }
        boolean plain = true; // nothing to map and no white space: most cells and many paragraphs
        boolean mapping = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                plain = false;
            } else if (needsMapping(c)) {
                plain = false;
                mapping = true;
                break;
            }
        }
        if (plain) {
            if (source != null) {
                source[0] = identity(s.length());
            }
            return s;
        }
        if (!mapping) {
            return collapseSpaces(s, source == null ? null : identity(s.length()), source);
        }
        StringBuilder mapped = new StringBuilder(s.length());
        int[] map = source == null ? null : new int[s.length()];
        boolean fullWidthDigits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsMapping(c)) {
                String m = mapChar(c);
                mapped.append(m);
                if (map != null) {
                    if (mapped.length() > map.length) {
                        map = java.util.Arrays.copyOf(map, mapped.length() + s.length());
                    }
                    java.util.Arrays.fill(map, mapped.length() - m.length(), mapped.length(), i);
                }
                fullWidthDigits |= c >= '\uFF10' && c <= '\uFF19';
            } else {
                mapped.append(c);
                if (map != null) {
                    if (mapped.length() > map.length) {
                        map = java.util.Arrays.copyOf(map, mapped.length() + s.length());
                    }
                    map[mapped.length() - 1] = i;
                }
            }
        }
        String text = collapseSpaces(mapped.toString(), map, source);
        // figures typed full-width take the full-width comma as their thousands separator: １，２３４．５６
        return fullWidthDigits && text.indexOf('，') >= 0 ? FULL_WIDTH_THOUSANDS.matcher(text).replaceAll(",") : text;
    }

    private static final java.util.regex.Pattern FULL_WIDTH_THOUSANDS =
            java.util.regex.Pattern.compile("(?<=[0-9])，(?=[0-9]{3}(?![0-9]))");

    /** Whether {@link #mapChar} changes the character (ASCII and unified ideographs, most of any text, never). */
    private static boolean needsMapping(char c) {
        return c >= '\u0080' && (c < '\u4E00' || c > '\u9FFF') && CHANGED.get(c);
    }

    /** The characters {@link #mapChar} changes, worked out once from it. */
    private static final BitSet CHANGED = changedCharacters();

    private static BitSet changedCharacters() {
        BitSet changed = new BitSet(Character.MAX_VALUE + 1);
        for (int c = 0x80; c <= Character.MAX_VALUE; c++) {
            if (!mapChar((char) c).equals(String.valueOf((char) c))) {
                changed.set(c);
            }
        }
        return changed;
    }

    private static String mapChar(char c) {
        if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A') {
            return String.valueOf((char) (c - 0xFEE0));
        }
        switch (c) {
            case '\uFF05': return "%";   // ％
            case '\uFF0E': return ".";   // ．
            case '\uFF0B': return "+";   // ＋
            case '\uFF0D': return "-";   // －
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200B', '\uFEFF': return " ";
            case '\u2014', '\u2013': return String.valueOf(c);
            default: break;
        }
        if (c >= '\u2F00' && c <= '\u2FDF') { // Kangxi radicals: NFKC maps each to its ideograph
            return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        }
        if (c >= '\uF900' && c <= '\uFAFF') { // CJK compatibility ideographs
            return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        }
        Character radical = RADICALS.get(c);
        return radical != null ? String.valueOf(radical) : String.valueOf(c);
    }

    private static int[] identity(int n) {
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = i;
        }
        return map;
    }

    /**
     * Removes or collapses white space; where {@code map} (source index of each character of {@code s}) is given,
     * puts the source index of each result character in {@code source[0]}.
     */
    private static String collapseSpaces(String s, int[] map, int[][] source) {
        StringBuilder out = new StringBuilder(s.length());
        int[] kept = map == null ? null : new int[s.length()];
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                int j = i;
                boolean newline = false;
                while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
                    newline |= s.charAt(j) == '\n' || s.charAt(j) == '\r';
                    j++;
                }
                char before = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
                char after = j < n ? s.charAt(j) : 0;
                if (before != 0 && after != 0 && !isCjk(before) && !isCjk(after) && !splitsNumber(before, after)
                        && !(newline && !isWordChar(before))) {
                    if (kept != null) {
                        kept[out.length()] = map[i];
                    }
                    out.append(' ');
                }
                i = j;
                continue;
            }
            if (kept != null) {
                kept[out.length()] = map[i];
            }
            out.append(c);
            i++;
        }
        if (source != null) {
            source[0] = java.util.Arrays.copyOf(kept, out.length());
        }
        return out.toString();
    }

    /** A break inside one number, as PDFs print them: "14,770 .62", "1, 234". */
    private static boolean splitsNumber(char before, char after) {
        boolean digitBefore = Character.isDigit(before) || before == ',' || before == '.';
        return digitBefore && (after == '.' || after == ',') || (before == '.' || before == ',') && Character.isDigit(after);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Han ideographs, CJK symbols and punctuation, and full-width forms. */
    public static boolean isCjk(char c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && (c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—');
    }
}
