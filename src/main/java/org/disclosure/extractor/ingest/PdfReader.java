package org.disclosure.extractor.ingest;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the PDF reader lands. */
public final class PdfReader {
    public Document read(Path file, String label) throws UnreadableDocumentException {
        return Document.of(label, "pdf", null, null, List.of());
    }
}
