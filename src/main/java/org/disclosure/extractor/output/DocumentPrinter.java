package org.disclosure.extractor.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.OcrReading;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.Section;
import org.disclosure.extractor.outline.SectionTree;

/** Prints a document model readably: one block after another, tables as grids. */
public final class DocumentPrinter {

    private DocumentPrinter() {
    }

    public static void print(Document doc, PrintStream out) {
        out.printf("%s  format=%s pages=%s blocks=%d tables=%d%s%n", doc.file(), doc.format(),
                doc.pages() == null ? "-" : doc.pages(), doc.blocks().size(), doc.tables().size(),
                doc.title() == null ? "" : "  title=" + doc.title());
        if (doc.ocr() != null) {
            out.println(ocrLine(doc.ocr()));
        }
        int tableNo = 0;
        for (Block b : doc.blocks()) {
            String where = String.format("p%-3s @%-6d", b.page() == null ? "-" : b.page(), b.start());
            switch (b.kind()) {
                case HEADING -> out.printf("%s H%d  %s%n", where, b.level(), b.text());
                case PARAGRAPH -> out.printf("%s %s %s%n", where, b.emphasised() ? "B " : "  ", b.text());
                case TABLE -> {
                    tableNo++;
                    out.printf("%s TABLE %d (%d rows x %d columns)%n", where, tableNo,
                            b.table().rows().size(), b.table().columnCount());
                    printGrid(b.table().rows(), out);
                }
            }
        }
    }

    /** What OCR did for the document, on a line under its header: the pages read, by what, how surely; or why not. */
    static String ocrLine(OcrReading ocr) {
        if (ocr.unavailable() != null) {
            return "  ocr: not done: " + ocr.unavailable();
        }
        return String.format(java.util.Locale.ROOT, "  ocr: %s %s read by %s at %d dpi%s", ocr.pages().size() == 1 ? "page" : "pages",
                ranges(ocr.pages()), ocr.engine(), ocr.dpi(),
                Double.isNaN(ocr.confidence()) ? "" : String.format(java.util.Locale.ROOT, ", mean word confidence %.0f", ocr.confidence()));
    }

    /** 1, 2, 3, 5 → "1-3, 5". */
    static String ranges(List<Integer> pages) {
        if (pages.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        int from = pages.get(0);
        int to = from;
        for (int p : pages.subList(1, pages.size())) {
            if (p == to + 1) {
                to = p;
                continue;
            }
            parts.add(from == to ? Integer.toString(from) : from + "-" + to);
            from = to = p;
        }
        parts.add(from == to ? Integer.toString(from) : from + "-" + to);
        return String.join(", ", parts);
    }

    /** The section tree: one heading a line, indented by level, with canonical name, scope and page. */
    public static void printSections(Document doc, SectionTree tree, PrintStream out) {
        out.printf("%s  format=%s sections=%d%n", doc.file(), doc.format(), tree.sections().size());
        for (Section s : tree.sections()) {
            out.printf("p%-3s %s%s  [%s%s]%n", s.page() == null ? "-" : s.page(), "  ".repeat(Math.max(0, s.level() - 1)),
                    s.heading(), s.canonical() == null ? "-" : s.canonical(),
                    s.scope() == Scope.MAIN ? "" : ", " + s.scope().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void printGrid(List<List<Cell>> rows, PrintStream out) {
        for (List<Cell> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Cell c : row) {
                String span = (c.colSpan() > 1 ? "<" + c.colSpan() : "") + (c.rowSpan() > 1 ? "^" + c.rowSpan() : "");
                cells.add(c.text().replace('\n', ' ') + span);
            }
            out.println("      | " + String.join(" | ", cells) + " |");
        }
    }
}
