package org.disclosure.extractor.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads plain text reports (UTF-8, UTF-16 with BOM, or GB18030/GBK) into blocks.
 * A line is a paragraph; runs of lines beginning with a TAB are table cells, one cell a line,
 * rows separated by an empty line (the layout Word's and Tika's text export give tables).
 */
final class PlainTextReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Word bookmarks rendered into text by some exporters: [bookmark: _Toc15396603] */
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");

    Document read(byte[] bytes, String label) {
        String text = decode(bytes);
        return Document.of(label, "txt", null, null, blocks(text));
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = BOOKMARK.matcher(raw).replaceAll("");
            if (line.startsWith("\t")) {
                row.add(Cell.of(line.substring(1).strip()));
                continue;
            }
            if (line.strip().contains("\t")) { // a whole row on one line, cells tab-separated
                if (!row.isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                for (String cell : line.strip().split("\t", -1)) {
                    row.add(Cell.of(cell.strip()));
                }
                rows.add(row);
                row = new ArrayList<>();
                continue;
            }
            if (line.isBlank() && (!row.isEmpty() || !rows.isEmpty())) {
                if (!row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
            }
            if (!rows.isEmpty()) {
                blocks.add(Block.table(new Table(rows), null));
                rows = new ArrayList<>();
            }
            if (!line.isBlank()) {
                blocks.add(Block.paragraph(line.strip(), null, false));
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            blocks.add(Block.table(new Table(rows), null));
        }
        return blocks;
    }
}
