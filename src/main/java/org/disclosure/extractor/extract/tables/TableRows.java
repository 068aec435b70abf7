package org.disclosure.extractor.extract.tables;

import java.util.List;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.ingest.Cell;

/** A table row as the provenance of its amounts quotes it ("cell | cell | cell"), and where a span of it is drawn. */
public final class TableRows {

    private static final String SEPARATOR = " | ";

    private TableRows() {
    }

    /** The row's cells joined by " | ": the text a line item's provenance quotes. */
    public static String text(List<Cell> cells) {
        return BodyRows.rowText(cells);
    }

    /**
     * Where characters {@code start} to {@code end} of a row's {@link #text} are drawn: the boxes of that part of
     * the one cell holding them; empty where not known or where the span is not inside one cell.
     */
    public static List<Box> boxes(List<Cell> cells, int start, int end) {
        if (start < 0 || end < start) {
            return List.of();
        }
        int offset = 0;
        for (Cell c : cells) {
            int cellEnd = offset + c.text().length();
            if (start >= offset && end <= cellEnd) {
                return c.boxes(start - offset, end - offset);
            }
            offset = cellEnd + SEPARATOR.length();
        }
        return List.of();
    }
}
