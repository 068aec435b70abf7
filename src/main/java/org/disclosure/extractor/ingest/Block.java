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
 */
public record Block(BlockKind kind, String text, Integer page, int start, int end,
                    int level, boolean emphasised, Table table) {

    public static Block paragraph(String text, Integer page, boolean emphasised) {
        return new Block(BlockKind.PARAGRAPH, text, page, 0, 0, 0, emphasised, null);
    }

    public static Block heading(String text, Integer page, int level) {
        return new Block(BlockKind.HEADING, text, page, 0, 0, level, true, null);
    }

    public static Block table(Table table, Integer page) {
        return new Block(BlockKind.TABLE, table.text(), page, 0, 0, 0, false, table);
    }

    public Block withText(String newText) {
        return new Block(kind, newText, page, start, end, level, emphasised, table);
    }

    public Block withTable(Table newTable) {
        return new Block(kind, newTable.text(), page, start, end, level, emphasised, newTable);
    }

    Block at(int newStart) {
        return new Block(kind, text, page, newStart, newStart + text.length(), level, emphasised, table);
    }

    public boolean isTable() {
        return kind == BlockKind.TABLE;
    }
}
