package org.disclosure.extractor.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap test that rules a text out before a regular expression is tried on it: the literal pieces every
 * match of the expression must contain (公务接待费 and 决算 of {@code 公务接待费(?:支出)?决算…}). Grammar
 * rules and table words are tried on every sentence and cell of a report, and most of them are
 * irrelevant there; a few {@code indexOf} calls cost far less than a regex search that fails.
 *
 * <p>The pieces are read from the expression's source conservatively: only characters outside groups,
 * classes and alternations, not made optional or repeated by a quantifier. An expression the reading does
 * not understand (inline flags, {@code \Q}, a case-insensitive pattern) gets no pieces, and its gate lets
 * every text through: a gate may let through a text the expression does not match, never the reverse.
 */
public final class Gate {

    private static final Gate OPEN = new Gate(new String[0]);

    private final String[] pieces;

    private Gate(String[] pieces) {
        this.pieces = pieces;
    }

    /** The gate of a compiled pattern. */
    public static Gate of(Pattern pattern) {
        int unsafe = Pattern.CASE_INSENSITIVE | Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ;
        if ((pattern.flags() & unsafe) != 0) {
            return OPEN;
        }
        List<String> pieces = requiredPieces(pattern.pattern());
        return pieces.isEmpty() ? OPEN : new Gate(pieces.toArray(String[]::new));
    }

    /** False only when the text cannot hold a match. */
    public boolean admits(CharSequence text) {
        String s = text.toString();
        for (String p : pieces) {
            if (!s.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** The literal pieces, longest first (empty: the gate admits everything). */
    public List<String> pieces() {
        return List.of(pieces);
    }

    /**
     * The runs of literal characters at the top level of a regex that every match contains, or none when
     * the regex has a top-level alternation or a construct this reading does not follow.
     */
    static List<String> requiredPieces(String regex) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            int atomEnd;
            String literal = null; // the atom's text when it is one literal code point
            switch (c) {
                case '|':
                    return List.of();
                case '\\': {
                    if (i + 1 >= n) {
                        return List.of();
                    }
                    char e = regex.charAt(i + 1);
                    if (e == 'Q' || e == 'E') {
                        return List.of();
                    }
                    if (Character.isLetterOrDigit(e)) {
                        // \d \s \p{…} \x{…} \u0041 \1 \b …: no literal character
                        atomEnd = escapeEnd(regex, i);
                    } else {
                        int cp = regex.codePointAt(i + 1);
                        atomEnd = i + 1 + Character.charCount(cp);
                        literal = new String(Character.toChars(cp));
                    }
                    break;
                }
                case '[':
                    atomEnd = classEnd(regex, i);
                    break;
                case '(':
                    if (regex.startsWith("(?", i) && i + 2 < n && (Character.isLetter(regex.charAt(i + 2)) || regex.charAt(i + 2) == '-')
                            && !regex.startsWith("(?<", i)) {
                        return List.of(); // inline flags: (?i) (?x:…)
                    }
                    atomEnd = groupEnd(regex, i);
                    break;
                case '.', '^', '$':
                    atomEnd = i + 1;
                    break;
                case ')', ']', '{', '}', '*', '+', '?':
                    return List.of(); // not where this reading expects it
                default: {
                    int cp = regex.codePointAt(i);
                    atomEnd = i + Character.charCount(cp);
                    literal = new String(Character.toChars(cp));
                }
            }
            if (atomEnd < 0 || atomEnd > n) {
                return List.of();
            }
            int next = quantifierEnd(regex, atomEnd);
            if (next < 0) {
                return List.of();
            }
            boolean quantified = next > atomEnd;
            if (literal != null && !quantified) {
                run.append(literal);
            } else {
                flush(run, out);
            }
            i = next;
        }
        flush(run, out);
        List<String> pieces = new ArrayList<>(out);
        pieces.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return pieces;
    }

    private static void flush(StringBuilder run, Set<String> out) {
        if (!run.isEmpty()) {
            out.add(run.toString());
            run.setLength(0);
        }
    }

    /** The index after an escape of a letter or digit at {@code at} (\d, \p{IsHan}, \x41, \u4E00, \1), or -1. */
    private static int escapeEnd(String regex, int at) {
        char e = regex.charAt(at + 1);
        int end = at + 2;
        boolean braced = end < regex.length() && regex.charAt(end) == '{';
        if (braced && "pPxN".indexOf(e) >= 0) {
            int close = regex.indexOf('}', end);
            return close < 0 ? -1 : close + 1;
        }
        if (e == 'k' && end < regex.length() && regex.charAt(end) == '<') {
            int close = regex.indexOf('>', end);
            return close < 0 ? -1 : close + 1;
        }
        return switch (e) {
            case 'p', 'P', 'c' -> end + 1;
            case 'x' -> end + 2;
            case 'u' -> end + 4;
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                while (end < regex.length() && Character.isDigit(regex.charAt(end))) {
                    end++; // octal \0nn or a back reference: no literal either way
                }
                yield end;
            }
            default -> end;
        };
    }

    /** Where the quantifier after an atom ends (at {@code at} when there is none), or -1 when malformed. */
    private static int quantifierEnd(String regex, int at) {
        if (at >= regex.length()) {
            return at;
        }
        char q = regex.charAt(at);
        int end;
        if (q == '?' || q == '*' || q == '+') {
            end = at + 1;
        } else if (q == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                return -1;
            }
            end = close + 1;
        } else {
            return at;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++; // lazy or possessive
        }
        return end;
    }

    /** The index after the class that opens at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (regex.startsWith("^]", i + 1)) {
                    i += 2;
                } else if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i += 1; // a ']' first in a class is literal
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** The index after the group that opens at {@code open}, or -1. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (regex.startsWith("Q", i + 1)) {
                    return -1;
                }
                i += 2;
                continue;
            }
            if (c == '[') {
                int end = classEnd(regex, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }
}
