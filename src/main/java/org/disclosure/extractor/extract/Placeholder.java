package org.disclosure.extractor.extract;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import org.disclosure.extractor.text.Amounts;
import org.disclosure.extractor.text.ChineseNumerals;

/**
 * The typed holes of a grammar pattern: {amount:key}, {percent:key}, {change:key}, {pct_change:key},
 * {count:key}, {number:key}, {year:key}. Each knows the text it matches and how to turn that into a value.
 */
enum Placeholder {

    /** 6,796.16万元 · 2903859.20元 · 2280.29 (no unit: 万元). */
    AMOUNT("(" + Amounts.NUMBER + ")\\s*(" + Amounts.UNIT + ")?" + Constants.NOT_A_COUNT),
    /** 35.25% · 100％ (already normalised to %). */
    PERCENT("(" + Amounts.NUMBER + ")\\s*%"),
    /** 增加69.42万元 · 减少5.07万元 · 持平 (0). A leftover alternative (增加（减少）) makes the sign unknown. */
    CHANGE(Constants.DIRECTION + "\\s*(?:了|为)?\\s*(" + Amounts.NUMBER + ")\\s*(" + Amounts.UNIT + ")?|" + Constants.FLAT),
    /** 增长145.30% · 下降64.26% · 持平 (0). */
    PCT_CHANGE(Constants.DIRECTION + "\\s*(?:了|为)?\\s*(" + Amounts.NUMBER + ")\\s*%|" + Constants.FLAT),
    /** 42 · 三 · 二十九. */
    COUNT("([0-9]+|[零一二两三四五六七八九十百千]+)"),
    /** A plain number: a score (93.79分). */
    NUMBER("(" + Amounts.NUMBER + ")"),
    /** 2022. */
    YEAR("((?:19|20)[0-9]{2})");

    private final String regex;

    Placeholder(String regex) {
        this.regex = regex;
    }

    String regex() {
        return regex;
    }

    static Placeholder of(String name) {
        return switch (name) {
            case "amount" -> AMOUNT;
            case "percent" -> PERCENT;
            case "change" -> CHANGE;
            case "pct_change" -> PCT_CHANGE;
            case "count" -> COUNT;
            case "year" -> YEAR;
            case "number" -> NUMBER;
            default -> throw new IllegalArgumentException("unknown placeholder type {" + name + ":…}: "
                    + "use amount, percent, change, pct_change, count, number or year");
        };
    }

    /**
     * The value of a match; {@code first} is the index of the placeholder's first inner group.
     * Empty when the text gives no definite value (a template's "增加（减少）").
     */
    Optional<Object> value(Matcher m, int first, String defaultUnit) {
        return switch (this) {
            case AMOUNT -> Optional.of(Amounts.toWan(Amounts.number(m.group(first)),
                    m.group(first + 1) != null ? m.group(first + 1) : defaultUnit));
            case PERCENT, NUMBER -> Optional.of(Amounts.plain(Amounts.number(m.group(first))));
            case CHANGE -> signed(m, first, true, defaultUnit);
            case PCT_CHANGE -> signed(m, first, false, defaultUnit);
            case COUNT -> ChineseNumerals.parse(m.group(first)).map(i -> (Object) i);
            case YEAR -> Optional.of(Integer.parseInt(m.group(first)));
        };
    }

    private static Optional<Object> signed(Matcher m, int first, boolean amount, String defaultUnit) {
        String direction = m.group(first);
        String alternative = m.group(first + 1);
        if (direction == null) {
            // 持平 is 0; 基本持平 ("about flat") is no figure: a small change beside it is not contradicted by it
            String flat = m.group(first - 1);
            return flat != null && flat.contains("基本") ? Optional.empty() : Optional.of(BigDecimal.ZERO);
        }
        if (alternative != null && Constants.negative(direction) != Constants.negative(alternative)) {
            return Optional.empty();
        }
        BigDecimal value = Amounts.number(m.group(first + 2));
        if (amount) {
            String unit = m.group(first + 3);
            value = Amounts.toWan(value, unit != null ? unit : defaultUnit);
        } else {
            value = Amounts.plain(value);
        }
        return Optional.of(Constants.negative(direction) ? value.negate() : value);
    }

    /** Wording shared by the change placeholders. */
    static final class Constants {
        static final String UP = "增加|增长|上升|提高|增多|多支出|超支";
        static final String DOWN = "减少|下降|降低|减小|下降了|节约|节省|少支出|减支";
        static final String DIRECTION = "(" + UP + "|" + DOWN + ")(?:[（(](" + UP + "|" + DOWN + ")[）)])?";
        /** What may not follow an amount: more digits, a percent sign, or a unit of something else (分, 个, 人, 年 …). */
        static final String NOT_A_COUNT = "(?![0-9.,%]|\\s*(?:分|年|月|日|个|人|辆|台|套|批|次|项|倍|家|户|名|天|%))";
        static final String FLAT = "(?:持平|基本持平|无变化|没有变化|保持不变|与上年(?:度)?(?:一致|相同|持平))";

        static boolean negative(String direction) {
            return direction.matches(DOWN);
        }

        private Constants() {
        }
    }
}
