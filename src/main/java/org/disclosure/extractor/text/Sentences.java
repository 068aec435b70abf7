package org.disclosure.extractor.text;

/** Cuts the sentence that holds a span out of a longer text, for provenance. */
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
}
