package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.extract.tables.TableRows;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.GlyphBoxes;

/**
 * Gives the values of a record read from a PDF whose provenance has no glyph boxes yet (those whose reader did not
 * keep the block it read: identity, narrative items, the checks' own values) the boxes of their span, found by
 * their text: the paragraph holding the provenance's text on its page (else the nearest page before it), the
 * page's paragraphs read as one text (a statement joined from several lines), or the table row or cell holding it. A span found nowhere, or only as loose text that stands on its page more than
 * once, keeps no boxes.
 * <p>
 * Then says of every value whether OCR read it: a value whose boxes were recognised gets their lowest confidence;
 * one whose boxes are not known but whose page was read by OCR gets the page's mean confidence (the document's
 * {@link org.disclosure.extractor.ingest.OcrReading}), so that no figure of an OCR'd page passes for text the file holds.
 */
public final class ProvenanceBoxes {

    private ProvenanceBoxes() {
    }

    /** The record with glyph boxes filled in where they can be found in the document. */
    public static ReportRecord fill(Document doc, ReportRecord record) {
        boolean recognised = doc.ocr() != null && !doc.ocr().pages().isEmpty();
        if (!"pdf".equals(doc.format()) && !recognised) {
            return record;
        }
        ProvenanceBoxes.Finder finder = new Finder(doc);
        return new ReportRecord(record.source(), finder.values(record.fields()), record.reason(),
                record.tables().stream().map(i -> new LineItem(i.table(), i.title(), i.page(), i.rowCode(),
                        i.rowName(), i.column(), i.amount(), finder.provenance(i.provenance()))).toList(),
                finder.values(record.alternates()), record.findings().stream().map(finder::finding).toList());
    }

    /** Finds the boxes of provenances in one document. */
    private record Finder(Document doc) {

        List<FieldValue> values(List<FieldValue> values) {
            return values.stream().map(v -> new FieldValue(v.key(), v.value(), v.unit(), provenance(v.provenance()))).toList();
        }

        Finding finding(Finding f) {
            return new Finding(f.rule(), f.severity(), f.messageZh(), f.messageEn(), values(f.values()), f.expected(),
                    f.actual(), f.difference(), f.symptoms().stream().map(this::finding).toList());
        }

        /** The provenance with its glyph boxes and, where OCR read it, its confidence. */
        Provenance provenance(Provenance p) {
            return recognition(boxed(p));
        }

        /**
         * Whether OCR read the value, and how sure it was: its boxes' lowest confidence; where its boxes are not
         * known, its page's mean if OCR read its page.
         */
        private Provenance recognition(Provenance p) {
            float lowest = Float.NaN;
            for (Box b : p.boxes()) {
                if (b.ocr() && !(b.confidence() >= lowest)) {
                    lowest = b.confidence();
                }
            }
            if (!Float.isNaN(lowest)) {
                return p.withConfidence(lowest);
            }
            // boxes found, all of the text layer: a page that mixes both; no boxes: trust the page's reading
            if (p.ocr() || !p.boxes().isEmpty() || p.page() == null || doc.ocr() == null || !doc.ocr().read(p.page())) {
                return p;
            }
            double mean = doc.ocr().confidence();
            return p.withConfidence(Double.isNaN(mean) ? 0f : (float) mean);
        }

        private Provenance boxed(Provenance p) {
            if (!"pdf".equals(doc.format()) || !p.boxes().isEmpty() || p.page() == null || p.text() == null || p.spanStart() < 0
                    || p.spanEnd() <= p.spanStart() || p.spanEnd() > p.text().length()) {
                return p;
            }
            List<Box> boxes = inParagraphs(p);
            if (boxes.isEmpty()) {
                boxes = acrossParagraphs(p);
            }
            if (boxes.isEmpty()) {
                boxes = inTables(p);
            }
            if (boxes.isEmpty()) {
                boxes = looseSpan(p);
            }
            return boxes.isEmpty() ? p : p.withBoxes(boxes);
        }

        /** In the paragraph holding the provenance's text: on its page, else the nearest page before it. */
        private List<Box> inParagraphs(Provenance p) {
            Block best = null;
            int bestAt = -1;
            for (Block b : doc.blocks()) {
                if (b.glyphs() == null || b.page() == null || b.page() > p.page()) {
                    continue;
                }
                int at = b.text().indexOf(p.text());
                if (at >= 0 && (best == null || b.page() > best.page())) {
                    best = b;
                    bestAt = at;
                }
            }
            return best == null ? List.of() : best.boxes(bestAt + p.spanStart(), bestAt + p.spanEnd());
        }

        /** In the paragraphs of the provenance's page read as one text: a statement joined from consecutive lines. */
        private List<Box> acrossParagraphs(Provenance p) {
            StringBuilder text = new StringBuilder();
            GlyphBoxes.Builder glyphs = new GlyphBoxes.Builder();
            for (Block b : doc.blocks()) {
                if (b.glyphs() != null && p.page().equals(b.page())) {
                    text.append(b.text());
                    glyphs.append(b.glyphs());
                }
            }
            int at = text.indexOf(p.text());
            return at < 0 ? List.of() : glyphs.build().boxes(at + p.spanStart(), at + p.spanEnd());
        }

        /** In a table on the provenance's page: the row whose text it is, else the cell holding it. */
        private List<Box> inTables(Provenance p) {
            for (Block b : doc.tables()) {
                if (!p.page().equals(b.page())) {
                    continue;
                }
                for (List<Cell> row : b.table().rows()) {
                    if (TableRows.text(row).equals(p.text())) {
                        return TableRows.boxes(row, p.spanStart(), p.spanEnd());
                    }
                    // a row quoted as the document's text gives it: cells joined by tabs, empty ones left out
                    List<Box> quoted = inRow(row.stream().filter(c -> !c.text().isEmpty()).toList(), p);
                    if (!quoted.isEmpty()) {
                        return quoted;
                    }
                }
                for (List<Cell> row : b.table().rows()) {
                    for (Cell c : row) {
                        int at = c.text().indexOf(p.text());
                        if (at >= 0 && c.glyphs() != null) {
                            return c.boxes(at + p.spanStart(), at + p.spanEnd());
                        }
                    }
                }
            }
            return List.of();
        }

        /** The span where the provenance's text is the row's cells joined by tabs, or a part of that. */
        private static List<Box> inRow(List<Cell> cells, Provenance p) {
            StringBuilder text = new StringBuilder();
            GlyphBoxes.Builder glyphs = new GlyphBoxes.Builder();
            for (Cell c : cells) {
                if (c.glyphs() == null) {
                    return List.of();
                }
                if (!text.isEmpty()) {
                    text.append('\t');
                    glyphs.none(1);
                }
                text.append(c.text());
                glyphs.append(c.glyphs());
            }
            int at = text.indexOf(p.text());
            return at < 0 ? List.of() : glyphs.build().boxes(at + p.spanStart(), at + p.spanEnd());
        }

        /** The span's own text where it stands once on the page (a statement joined from two lines). */
        private List<Box> looseSpan(Provenance p) {
            String span = p.text().substring(p.spanStart(), p.spanEnd());
            List<List<Box>> found = new ArrayList<>();
            for (Block b : doc.blocks()) {
                if (!p.page().equals(b.page())) {
                    continue;
                }
                if (b.isTable()) {
                    b.table().rows().forEach(row -> row.forEach(c -> occurrences(c.text(), span, c.glyphs() == null,
                            at -> found.add(c.boxes(at, at + span.length())))));
                } else {
                    occurrences(b.text(), span, b.glyphs() == null, at -> found.add(b.boxes(at, at + span.length())));
                }
            }
            return found.size() == 1 ? found.get(0) : List.of();
        }

        private static void occurrences(String text, String span, boolean unknown, java.util.function.IntConsumer at) {
            if (unknown) {
                return;
            }
            for (int i = text.indexOf(span); i >= 0; i = text.indexOf(span, i + 1)) {
                at.accept(i);
            }
        }
    }
}
