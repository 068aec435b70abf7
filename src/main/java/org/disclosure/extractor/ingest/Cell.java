package org.disclosure.extractor.ingest;

/** One table cell: its text and how many rows and columns it spans (1 where the format gives no span). */
public record Cell(String text, int rowSpan, int colSpan) {

    public Cell {
        text = text == null ? "" : text;
        rowSpan = Math.max(1, rowSpan);
        colSpan = Math.max(1, colSpan);
    }

    public static Cell of(String text) {
        return new Cell(text, 1, 1);
    }
}
