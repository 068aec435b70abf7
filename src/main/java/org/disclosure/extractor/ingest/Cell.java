package org.disclosure.extractor.ingest;

import java.util.Objects;

/**
 * One table cell: its text and how many rows and columns it spans (1 where the format gives no span), and for a
 * cell read from a PDF where each character of its text is drawn (null otherwise). Two cells are equal when their
 * text and spans are: where a cell is printed is not part of what it says.
 */
public record Cell(String text, int rowSpan, int colSpan, GlyphBoxes glyphs) {

    public Cell {
        text = text == null ? "" : text;
        rowSpan = Math.max(1, rowSpan);
        colSpan = Math.max(1, colSpan);
        if (glyphs != null && glyphs.length() != text.length()) {
            throw new IllegalArgumentException("glyph boxes for " + glyphs.length() + " characters, text has " + text.length());
        }
    }

    public Cell(String text, int rowSpan, int colSpan) {
        this(text, rowSpan, colSpan, null);
    }

    public static Cell of(String text) {
        return new Cell(text, 1, 1);
    }

    /** Where characters {@code from} to {@code to} (exclusive) of the text are drawn, one box a line; empty where not known. */
    public java.util.List<Box> boxes(int from, int to) {
        return glyphs == null ? java.util.List.of() : glyphs.boxes(from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && c.text.equals(text) && c.rowSpan == rowSpan && c.colSpan == colSpan;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, rowSpan, colSpan);
    }
}
