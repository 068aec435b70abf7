package org.disclosure.extractor.extract.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.text.Amounts;

/** What a table cell's text is: an amount, a classification code, a label; small pure functions. */
final class CellText {

    private static final Pattern AMOUNT = Pattern.compile("-?(?:" + Amounts.NUMBER + ")");
    /** 类 (3 digits), 款 (5) or 项 (7) of the functional or economic classification. */
    private static final Pattern CODE = Pattern.compile("[1-9][0-9]{2}(?:[0-9]{2}){0,2}");
    private static final Pattern CODE_PART = Pattern.compile("[0-9]{2,3}");
    /** A code printed in front of its name: "2010601 行政运行", "[301]工资福利支出", "50999-其他对个人和家庭的补助". */
    private static final Pattern LEADING_CODE = Pattern.compile(
            "^[\\[【]?([1-9][0-9]{2}(?:[0-9]{2}){0,2})[\\]】]?[\\s\\-－—:：、.．]*(\\p{IsHan}.*)$");
    /** Numbering in front of a row name: 一、 1、 （一） (1) 1. 其中： */
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]{1,2}[、.．)）](?![0-9])|其中[：:]?)+");
    /** Cells that stand for "nothing here": dashes, slashes, ellipses. */
    private static final Pattern NOTHING = Pattern.compile("[-－—–/／…·.*＊\\s]*");

    private CellText() {
    }

    /** Text with every space removed (headers and names are compared this way). */
    static String squash(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
            if (space && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!space && b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** A cell that says nothing: empty, or only dashes, slashes or an ellipsis. */
    static boolean isNothing(String text) {
        return text == null || NOTHING.matcher(text).matches();
    }

    /** The amount a cell states, in the table's own unit; empty for text, dashes and empty cells. */
    static Optional<BigDecimal> amount(String text) {
        String t = squash(text);
        if (!AMOUNT.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t.replace(",", "")));
    }

    static boolean isAmount(String text) {
        return amount(text).isPresent();
    }

    /** A classification code on its own: 201, 20106, 2010601. */
    static boolean isCode(String text) {
        return CODE.matcher(squash(text)).matches();
    }

    /** One part of a code split over 类 | 款 | 项 cells: 201, 06, 01. */
    static boolean isCodePart(String text) {
        return CODE_PART.matcher(squash(text)).matches();
    }

    /** A code printed in front of a name, split off: "2010601 行政运行" → [2010601, 行政运行]; else empty. */
    static Optional<List<String>> leadingCode(String text) {
        Matcher m = LEADING_CODE.matcher(text.strip());
        return m.matches() ? Optional.of(List.of(m.group(1), m.group(2).strip())) : Optional.empty();
    }

    /** A row name without its numbering and spaces, as field mappings read it: "一、一般公共预算财政拨款收入" → "一般公共预算财政拨款收入". */
    static String bareName(String name) {
        return NUMBERING.matcher(squash(name)).replaceFirst("");
    }

    /** The name starts with its own numbering (一、 1、 （一）) or 其中：, so it begins a row of its own. */
    static boolean isNumbered(String name) {
        return NUMBERING.matcher(squash(name)).lookingAt();
    }

    /** Joins 类 | 款 | 项 parts into one code: 201 | 06 | 01 → 2010601; missing leading parts come from {@code parent}. */
    static String joinCode(List<String> parts, String parent) {
        StringBuilder code = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < parts.size(); i++) {
            String p = squash(parts.get(i));
            if (isNothing(p)) {
                continue;
            }
            int before = i == 0 ? 0 : 3 + 2 * (i - 1);
            if (code.length() < before && parent != null && parent.length() >= before) {
                code.setLength(0);
                code.append(parent, 0, before);
            }
            code.append(p);
            any = true;
        }
        return any ? code.toString() : "";
    }
}
