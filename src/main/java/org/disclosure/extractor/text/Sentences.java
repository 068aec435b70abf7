package org.disclosure.extractor.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits text into sentences, and cuts the sentence that holds a span out of a longer text, for provenance. */
public final class Sentences {

    /** A sentence and the offset of its first character in the text it was cut from. */
    public record Sentence(String text, int offset) {
    }

    private static final String ENDS = "。；;！？!?\n";

    private Sentences() {
    }

    public static Sentence around(String text, int start, int end) {
        int from = start;
        while (from > 0 && ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = Math.max(end, start);
        while (to < text.length() && ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return new Sentence(text.substring(from, to), from);
    }

    /**
     * Sentences end at 。！？ and line breaks; the end mark stays with its sentence. A run-in heading
     * ("（一）因公出国（境）费用。2026年预算数48.24万元") stays with the sentence after it.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n') {
                String sentence = text.substring(from, i + 1).strip();
                if (c != '\n' && RUN_IN_HEADING.matcher(sentence).matches()) {
                    continue;
                }
                add(out, sentence);
                from = i + 1;
            }
        }
        add(out, text.substring(from));
        return out;
    }

    /** A short numbered lead without figures: （一）公务接待费。 · 2.公用经费。 */
    private static final Pattern RUN_IN_HEADING = Pattern.compile(
            "(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．])[^0-9。]{1,24}。");

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
