package org.disclosure.extractor.ingest;

/**
 * One block of a document in reading order.
 *
 * @param kind    heading, paragraph or table
 * @param text    the block's text (a table's is its rows, tab-separated)
 * @param page    1-based page where the block starts, or null where the format has no pages
 * @param start   offset of the block's first character in {@link Document#text()}
 * @param end     offset just past its last character
 * @param level   heading level the format gives (1 for Heading 1 …), 0 otherwise
 * @param emphasised the paragraph is set in bold (or larger type), as unnumbered headings often are
 * @param table   the table, for a TABLE block; null otherwise
 * @param glyphs  where each character of {@code text} is drawn, for a paragraph read from a PDF; null otherwise
 *                (a table's cells carry their own)
 */
public record Block(BlockKind kind, String text, Integer page, int start, int end,
                    int level, boolean emphasised, Table table, GlyphBoxes glyphs) {

    public Block {
        if (glyphs != null && glyphs.length() != text.length()) {
            throw new IllegalArgumentException("glyph boxes for " + glyphs.length() + " characters, text has " + text.length());
        }
    }

    public static Block paragraph(String text, Integer page, boolean emphasised) {
        return paragraph(text, page, emphasised, null);
    }

    public static Block paragraph(String text, Integer page, boolean emphasised, GlyphBoxes glyphs) {
        return new Block(BlockKind.PARAGRAPH, text, page, 0, 0, 0, emphasised, null, glyphs);
    }

    public static Block heading(String text, Integer page, int level) {
        return new Block(BlockKind.HEADING, text, page, 0, 0, level, true, null, null);
    }

    public static Block table(Table table, Integer page) {
        return new Block(BlockKind.TABLE, table.text(), page, 0, 0, 0, false, table, null);
    }

    /** The same block with another text; where its characters are drawn is no longer known. */
    public Block withText(String newText) {
        return withText(newText, null);
    }

    /** The same block with another text and where that text's characters are drawn (or null). */
    public Block withText(String newText, GlyphBoxes newGlyphs) {
        return new Block(kind, newText, page, start, end, level, emphasised, table, newGlyphs);
    }

    public Block withTable(Table newTable) {
        return new Block(kind, newTable.text(), page, start, end, level, emphasised, newTable, null);
    }

    Block at(int newStart) {
        return new Block(kind, text, page, newStart, newStart + text.length(), level, emphasised, table, glyphs);
    }

    /** Where characters {@code from} to {@code to} (exclusive) of the text are drawn, one box a line; empty where not known. */
    public java.util.List<Box> boxes(int from, int to) {
        return glyphs == null ? java.util.List.of() : glyphs.boxes(from, to);
    }

    /** Blocks are equal when all but where their characters are drawn is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && b.kind == kind && b.text.equals(text) && java.util.Objects.equals(b.page, page)
                && b.start == start && b.end == end && b.level == level && b.emphasised == emphasised
                && java.util.Objects.equals(b.table, table);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, text, page, start, end, level, emphasised, table);
    }

    public boolean isTable() {
        return kind == BlockKind.TABLE;
    }
}
