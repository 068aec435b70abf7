package org.disclosure.extractor.text;

import java.util.Optional;

/** Counts written in Chinese numerals (三, 十二, 二十九, 一百零五, 两) or in digits. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static Optional<Integer> parse(String text) {
        String s = text.strip().replace('两', '二').replace('〇', '零');
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(s));
        }
        int total = 0;
        int section = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            if (unit == 10000) {
                total = (total + section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return Optional.of(total + section + Math.max(digit, 0));
    }
}
