package org.disclosure.extractor.text;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts as reports write them, to 万元 exactly: "6,796.16万元", "2903859.20元", "1.2亿元",
 * "2280.29" (no unit: the report's unit applies, 万元 unless said otherwise).
 */
public final class Amounts {

    /** A number as written: digits with optional thousands separators and decimals. */
    public static final String NUMBER = "[0-9][0-9,]*(?:\\.[0-9]+)?|\\.[0-9]+";
    /** A unit of money reports use. */
    public static final String UNIT = "万元|亿元|千元|元";

    private static final Pattern AMOUNT = Pattern.compile("(" + NUMBER + ")\\s*(" + UNIT + ")?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Amounts() {
    }

    /** Parses "6,796.16万元" to 6796.16 (万元). A missing unit means 万元. */
    public static Optional<BigDecimal> parse(String text) {
        return parse(text, "万元");
    }

    /** Parses an amount; {@code defaultUnit} applies when the text names no unit. */
    public static Optional<BigDecimal> parse(String text, String defaultUnit) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(toWan(number(m.group(1)), m.group(2) != null ? m.group(2) : defaultUnit));
    }

    /** The number itself, separators dropped: "14,770.62" → 14770.62. */
    public static BigDecimal number(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    /** Converts an amount in the given unit to 万元, exactly. */
    public static BigDecimal toWan(BigDecimal value, String unit) {
        BigDecimal wan = switch (unit == null ? "万元" : unit) {
            case "元" -> value.divide(TEN_THOUSAND);
            case "千元" -> value.divide(BigDecimal.TEN);
            case "亿元" -> value.multiply(TEN_THOUSAND);
            default -> value;
        };
        return plain(wan);
    }

    /** Strips trailing zeros without going to exponent form (100 stays 100, 2.50 becomes 2.5). */
    public static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
