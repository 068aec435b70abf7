package org.disclosure.extractor.outline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number that opens a heading (第二部分, 五、, （三）, 7、, (2)) and the nesting level its style stands for.
 *
 * @param style   how the number is written
 * @param ordinal the number's value (五 → 5)
 * @param prefix  the number as written, with what follows it up to the words
 * @param words   the rest of the text
 */
public record HeadingNumber(Style style, int ordinal, String prefix, String words) {

    /** Numbering styles in the order reports nest them; a style's level is its nesting depth. */
    public enum Style {
        PART(1, "^第([一二三四五六七八九十〇零两\\d]{1,3})(?:部分|章)[\\s:：、.]*"),
        CHINESE(2, "^([一二三四五六七八九十]{1,3})[、.]\\s*"),
        CHINESE_BRACKET(3, "^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[）)][、.]?\\s*"),
        ARABIC(4, "^(\\d{1,2})(?:、|\\.(?!\\d))\\s*"),
        ARABIC_BRACKET(5, "^[（(]\\s*(\\d{1,2})\\s*[）)][、.]?\\s*");

        private final int level;
        private final Pattern pattern;

        Style(int level, String regex) {
            this.level = level;
            this.pattern = Pattern.compile(regex);
        }

        public int level() {
            return level;
        }
    }

    private static final List<Style> STYLES = List.of(Style.values());

    /** The number at the start of a text, if it opens with one and words follow it. */
    public static Optional<HeadingNumber> parse(String text) {
        String t = text.strip();
        for (Style style : STYLES) {
            Matcher m = style.pattern.matcher(t);
            if (m.find() && m.end() < t.length()) {
                int ordinal = ordinal(m.group(1));
                if (ordinal > 0) {
                    return Optional.of(new HeadingNumber(style, ordinal, t.substring(0, m.end()).strip(), t.substring(m.end()).strip()));
                }
            }
        }
        return Optional.empty();
    }

    public int level() {
        return style.level;
    }

    /** 一 … 九十九 and Arabic digits; 0 when the text is not a number. */
    static int ordinal(String numeral) {
        if (numeral.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(numeral);
        }
        int value = 0;
        int digit = -1;
        for (char c : numeral.toCharArray()) {
            int d = "〇一二三四五六七八九".indexOf(c);
            if (c == '零') {
                d = 0;
            } else if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                value += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else {
                return 0;
            }
        }
        return value + Math.max(digit, 0);
    }
}
