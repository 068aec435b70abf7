package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as the ingest stage read it: ordered blocks with pages and offsets.
 *
 * @param file     the path as the user gave it
 * @param format   docx, doc, pdf, xlsx, xls, html or txt
 * @param pages    page count where the format has pages, else null
 * @param title    the title the file's metadata gives, or null
 * @param blocks   blocks in reading order; offsets index into {@link #text()}
 * @param damage   what is wrong with a file read only in part (a truncated PDF), or null when it is whole
 * @param ocr      which pages were read by optical character recognition, or why pages that needed it were
 *                 not; null when no page needed it
 */
public record Document(String file, String format, Integer pages, String title, List<Block> blocks, String damage,
                       OcrReading ocr) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** Builds a document, laying its blocks end to end (one newline between blocks) to fix their offsets. */
    public static Document of(String file, String format, Integer pages, String title, List<Block> blocks) {
        List<Block> placed = new ArrayList<>(blocks.size());
        int offset = 0;
        for (Block b : blocks) {
            if (b.text().isBlank() && !b.isTable()) {
                continue;
            }
            Block at = b.at(offset);
            placed.add(at);
            offset = at.end() + 1;
        }
        return new Document(file, format, pages, title, placed, null, null);
    }

    /** The same document marked as read only in part, with what is wrong. */
    public Document withDamage(String what) {
        return new Document(file, format, pages, title, blocks, what, ocr);
    }

    /** The same document with what recognition did for it. */
    public Document withOcr(OcrReading reading) {
        return new Document(file, format, pages, title, blocks, damage, reading);
    }

    /** The whole text: every block's text, one newline between blocks. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(b.text());
        }
        return sb.toString();
    }

    public List<Block> tables() {
        return blocks.stream().filter(Block::isTable).toList();
    }

    /** The same document with each block replaced (offsets recomputed). */
    public Document withBlocks(List<Block> newBlocks) {
        return of(file, format, pages, title, newBlocks).withDamage(damage).withOcr(ocr);
    }

}
