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
 * Reads plain text reports (UTF-8, UTF-16 with or without BOM, or GB18030/GBK) into blocks.
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
        String utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return utf16;
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

    /** How much of a text is looked at to tell its encoding. */
    private static final int SAMPLE = 64 * 1024;
    /** The share of a text's characters that must be ones reports are written in for a decoding to be right. */
    private static final double PLAUSIBLE = 0.95;

    /**
     * The text decoded as UTF-16 when it is UTF-16 without a byte-order mark (little- or big-endian), else null.
     * Text in UTF-8 or GBK holds no zero bytes, while UTF-16 puts one beside every ASCII letter, digit and line
     * end; and decoded in its right byte order, nearly every character is one reports are written in (Chinese,
     * CJK punctuation, full-width forms, ASCII), with no unpaired surrogates.
     */
    static String utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE) & ~1;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        if (n < 4 || zeros == 0) {
            return null;
        }
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            String sample = new String(bytes, 0, n, cs);
            if (plausible(sample) >= PLAUSIBLE) {
                return new String(bytes, 0, bytes.length & ~1, cs);
            }
        }
        return null;
    }

    /** The share of characters that a report's text is made of. */
    static double plausible(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int good = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t'
                    || c >= 0x4E00 && c <= 0x9FFF || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF
                    || c >= 0x2000 && c <= 0x206F || c >= 0x2460 && c <= 0x24FF || c >= 0x3400 && c <= 0x4DBF
                    || c == 0x00B7 || c == 0x00D7 || c >= 0x2160 && c <= 0x217F || c >= 0x25A0 && c <= 0x25FF;
            good += ok ? 1 : 0;
        }
        return good / (double) text.length();
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
