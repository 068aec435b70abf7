package org.disclosure.extractor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * What PDFBox mends without a word when it reads a damaged PDF, found by looking at the file itself: a
 * cross-reference table that does not point at the objects it lists (PDFBox then rebuilds it by scanning the
 * file, and objects that cannot be found are left out), and page contents whose compressed data is corrupt
 * (PDFBox keeps what it could decompress, dropping the rest). Text read from such a file may lack figures.
 */
final class PdfDamage {

    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d+)");
    private static final Pattern OBJECT_HEADER = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+obj");
    /** An entry of a classic cross-reference table (offset, generation, in use or free), or a subsection's header. */
    private static final Pattern TABLE_TOKEN = Pattern.compile("(\\d{10}) (\\d{5}) ([nf])|(\\d+) +(\\d+)");
    /** How much of the file's end is searched for startxref. */
    private static final int TAIL = 4096;
    /** The most of a cross-reference table read (400,000 entries). */
    private static final int LONGEST_TABLE = 8 << 20;

    private PdfDamage() {
    }

    /** What is wrong with the file's cross-reference table, or null when it points at its objects. */
    static String crossReference(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            String tail = text(ch, Math.max(0, size - TAIL), (int) Math.min(size, TAIL));
            Matcher m = START_XREF.matcher(tail);
            long start = -1;
            while (m.find()) {
                start = Long.parseLong(m.group(1));
            }
            if (start < 0 || start >= size) {
                return start < 0 ? null : "its cross-reference table is missing (PDFBox rebuilt it by scanning the file)";
            }
            String head = text(ch, start, 64);
            if (OBJECT_HEADER.matcher(head).find()) {
                return null; // a cross-reference stream: PDFBox checks it as it decodes it
            }
            if (!head.startsWith("xref")) {
                return "its cross-reference table is broken (PDFBox rebuilt it by scanning the file)";
            }
            int wrong = wrongEntries(ch, start + 4, size);
            return wrong == 0 ? null : (wrong == 1 ? "1 object is" : wrong + " objects are")
                    + " not where its cross-reference table says (PDFBox rebuilt the table by scanning the file; "
                    + "objects it could not find are missing)";
        }
    }

    /** Entries of a classic table (from just after "xref") whose offset does not hold the object they name. */
    private static int wrongEntries(FileChannel ch, long from, long size) throws IOException {
        String section = text(ch, from, (int) Math.min(size - from, LONGEST_TABLE));
        int trailer = section.indexOf("trailer");
        Matcher m = TABLE_TOKEN.matcher(trailer < 0 ? section : section.substring(0, trailer));
        int wrong = 0;
        int number = 0;
        while (m.find()) {
            if (m.group(1) == null) { // a subsection: its first object number and its count
                number = Integer.parseInt(m.group(4));
                continue;
            }
            long offset = Long.parseLong(m.group(1));
            if (m.group(3).equals("n") && offset > 0) {
                Matcher obj = OBJECT_HEADER.matcher(offset < size ? text(ch, offset, 40) : "");
                if (!obj.find() || Integer.parseInt(obj.group(1)) != number) {
                    wrong++;
                }
            }
            number++;
        }
        return wrong;
    }

    /** The pages (1-based) whose compressed content cannot be decompressed whole. */
    static List<Integer> corruptPages(PDDocument pdf) {
        List<Integer> corrupt = new ArrayList<>();
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            n++;
            try {
                for (Iterator<PDStream> it = page.getContentStreams(); it.hasNext(); ) {
                    PDStream s = it.next();
                    List<COSName> filters = s.getFilters();
                    if (filters.size() == 1 && COSName.FLATE_DECODE.equals(filters.get(0)) && !inflates(s)) {
                        corrupt.add(n);
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                corrupt.add(n);
            }
        }
        return corrupt;
    }

    /** Whether the stream's raw data decompresses to its end without error. */
    private static boolean inflates(PDStream s) throws IOException {
        byte[] raw;
        try (InputStream in = s.getCOSObject().createRawInputStream()) {
            raw = in.readAllBytes();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int k = inflater.inflate(buf);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return false; // the data stops before the end of the compressed stream
                }
            }
            return true;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    private static String text(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.max(0, n));
        ch.position(at);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
            // read it all
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
    }
}
