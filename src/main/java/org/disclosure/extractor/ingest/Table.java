package org.disclosure.extractor.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** A table as rows of cells, in reading order. Spanned cells appear once, at their top-left position. */
public record Table(List<List<Cell>> rows) {

    public Table {
        rows = rows.stream().map(List::copyOf).toList();
    }

    public int columnCount() {
        return rows.stream()
                .mapToInt(r -> r.stream().mapToInt(Cell::colSpan).sum())
                .max().orElse(0);
    }

    /** Tab-separated cells, one line per row: the text a table contributes to the document. */
    public String text() {
        return rows.stream()
                .map(r -> r.stream().map(c -> c.text().replace('\n', ' ').replace('\t', ' '))
                        .collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"));
    }
}
