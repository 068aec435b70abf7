package org.disclosure.extractor.text;

import java.util.List;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.Table;

/**
 * Applies {@link CjkNormalizer} to every block and cell of a document; offsets are laid anew. A block or cell read
 * from a PDF keeps, for each character of its normalised text, the glyph box of the character it came from.
 */
public final class DocumentNormalizer {

    private DocumentNormalizer() {
    }

    public static Document normalize(Document doc) {
        List<Block> blocks = doc.blocks().stream().map(DocumentNormalizer::normalize).toList();
        String title = doc.title() == null ? null : CjkNormalizer.normalize(doc.title());
        return Document.of(doc.file(), doc.format(), doc.pages(), title, blocks).withDamage(doc.damage()).withOcr(doc.ocr());
    }

    private static Block normalize(Block b) {
        if (b.isTable()) {
            List<List<Cell>> rows = b.table().rows().stream()
                    .map(r -> r.stream()
                            .map(DocumentNormalizer::normalize)
                            .toList())
                    .toList();
            return b.withTable(new Table(rows));
        }
        if (b.glyphs() == null) {
            return b.withText(CjkNormalizer.normalize(b.text()));
        }
        CjkNormalizer.Mapped mapped = CjkNormalizer.normalizeMapped(b.text());
        return b.withText(mapped.text(), b.glyphs().select(mapped.source()));
    }

    /** A cell normalised; a cell read from a PDF keeps where each character of its new text is drawn. */
    private static Cell normalize(Cell c) {
        if (c.glyphs() == null) {
            return new Cell(CjkNormalizer.normalize(c.text()), c.rowSpan(), c.colSpan());
        }
        CjkNormalizer.Mapped mapped = CjkNormalizer.normalizeMapped(c.text());
        return new Cell(mapped.text(), c.rowSpan(), c.colSpan(), c.glyphs().select(mapped.source()));
    }
}
