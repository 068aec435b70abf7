package org.disclosure.extractor.ingest;

/** What a block of a document is: a heading the format marks as such, running text, or a table. */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    TABLE
}
