package org.disclosure.extractor.text;

import java.util.List;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.Table;

/** Applies {@link CjkNormalizer} to every block and cell of a document; offsets are laid anew. */
public final class DocumentNormalizer {

    private DocumentNormalizer() {
    }

    public static Document normalize(Document doc) {
        List<Block> blocks = doc.blocks().stream().map(DocumentNormalizer::normalize).toList();
        String title = doc.title() == null ? null : CjkNormalizer.normalize(doc.title());
        return Document.of(doc.file(), doc.format(), doc.pages(), title, blocks).withDamage(doc.damage());
    }

    private static Block normalize(Block b) {
        if (b.isTable()) {
            List<List<Cell>> rows = b.table().rows().stream()
                    .map(r -> r.stream()
                            .map(c -> new Cell(CjkNormalizer.normalize(c.text()), c.rowSpan(), c.colSpan()))
                            .toList())
                    .toList();
            return b.withTable(new Table(rows));
        }
        return b.withText(CjkNormalizer.normalize(b.text()));
    }
}
