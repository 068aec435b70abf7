package org.disclosure.extractor.outline;

import org.disclosure.extractor.ingest.Document;

/** Turns a document's blocks into its section tree: which blocks are headings, how they nest, what each section is. */
public final class Outline {

    private Outline() {
    }

    public static SectionTree build(Document doc) {
        return build(doc, SectionNames.standard());
    }

    public static SectionTree build(Document doc, SectionNames names) {
        return new OutlineBuilder(doc.blocks(), names).build();
    }
}
