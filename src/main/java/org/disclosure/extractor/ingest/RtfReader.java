package org.disclosure.extractor.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads an RTF report (Word's "save as" RTF, often named .doc) into blocks: a paragraph a block, a table's rows
 * as a table. Tika's RTF parser decodes the text (code pages such as ansicpg936 with hex escapes, and Unicode
 * escapes) but gives every table cell as a paragraph of its own; so before it reads the file, each end of a
 * cell is marked with a character no report contains and each end of a row made an end of
 * paragraph, and the lines holding marks are put back together as table rows.
 */
final class RtfReader {

    /** Put where a cell ends: a private-use character (U+E000), written as RTF's Unicode escape of -8192. */
    private static final char CELL_MARK = '\uE000';
    private static final Pattern CELL = Pattern.compile("\\\\cell(?![a-z])(?: ?)");
    private static final Pattern ROW = Pattern.compile("\\\\row(?![a-z])(?: ?)");

    Document read(Path file, String label) throws IOException, UnreadableDocumentException {
        String rtf = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // byte for byte
        rtf = CELL.matcher(rtf).replaceAll(Matcher.quoteReplacement("\\u-8192?"));
        rtf = ROW.matcher(rtf).replaceAll(Matcher.quoteReplacement("\\par "));
        BodyContentHandler text = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        try {
            new RTFParser().parse(new ByteArrayInputStream(rtf.getBytes(StandardCharsets.ISO_8859_1)), text, metadata,
                    new ParseContext());
        } catch (TikaException | SAXException | RuntimeException e) {
            throw new UnreadableDocumentException("corrupt", label + ": not a readable RTF file (" + e.getMessage()
                    + ") (skipped)", e);
        }
        return Document.of(label, "rtf", null, metadata.get(TikaCoreProperties.TITLE), blocks(text.toString()));
    }

    /** Lines with cell marks are table rows (consecutive rows one table); other lines are paragraphs. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.indexOf(CELL_MARK) >= 0) {
                List<Cell> row = new ArrayList<>();
                String[] cells = line.split(String.valueOf(CELL_MARK), -1);
                for (int i = 0; i < cells.length - 1; i++) { // after the last mark: nothing, or the row's end
                    row.add(Cell.of(cells[i].strip()));
                }
                rows.add(row);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!rows.isEmpty()) {
                blocks.add(Block.table(new Table(rows), null));
                rows = new ArrayList<>();
            }
            blocks.add(Block.paragraph(line.strip(), null, false));
        }
        if (!rows.isEmpty()) {
            blocks.add(Block.table(new Table(rows), null));
        }
        return blocks;
    }
}
