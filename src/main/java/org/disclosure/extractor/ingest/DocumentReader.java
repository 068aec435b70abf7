package org.disclosure.extractor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.EmptyParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.xml.sax.SAXException;

/**
 * Reads any supported report file into a {@link Document}: PDF through PDFBox text positions,
 * plain text with charset detection, everything else (DOCX, DOC, RTF, XLSX, XLS, HTML) through Tika's XHTML.
 * The format is told by the content, not the name: an RTF or DOCX file named .doc, a PDF named .doc or an HTML
 * page named .xls (all common on government sites) is read as what it is.
 * Safe to share between threads.
 */
public final class DocumentReader {

    /** Files larger than this are refused rather than risk exhausting memory. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    /**
     * Only the parsers reports need: building Tika's default set probes for external programs
     * (ffmpeg, exiftool, tesseract) and costs seconds at every start.
     */
    private final AutoDetectParser tika = new AutoDetectParser(new OOXMLParser(), new OfficeParser(), new JSoupParser());
    private final Detector detector = new DefaultDetector();
    private final PdfReader pdfReader;
    private final long maxBytes;

    public DocumentReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentReader(long maxBytes) {
        this(maxBytes, OcrOptions.DEFAULT);
    }

    /** @param ocr when and how PDF pages without a text layer are read by OCR */
    public DocumentReader(long maxBytes, OcrOptions ocr) {
        this.maxBytes = maxBytes;
        this.pdfReader = new PdfReader(ocr);
    }

    /**
     * Reads one file.
     *
     * @param file  the file
     * @param label the path as the user gave it, kept in the document for provenance
     */
    public Document read(Path file, String label) throws UnreadableDocumentException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable-file", label + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (size == 0) {
            throw new UnreadableDocumentException("empty-file", label + ": empty file (0 bytes), nothing to read (skipped)");
        }
        if (size > maxBytes) {
            throw new UnreadableDocumentException("too-large", label + ": " + size + " bytes is over the size limit of "
                    + maxBytes + " bytes (skipped; extract --max-size raises the limit)");
        }
        String format = detectFormat(file, label);
        try {
            return switch (format) {
                case "pdf" -> pdfReader.read(file, label);
                case "txt" -> new PlainTextReader().read(Files.readAllBytes(file), label);
                case "rtf" -> new RtfReader().read(file, label);
                default -> {
                    refuseZipBomb(file, label);
                    yield readWithTika(file, label, format);
                }
            };
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable-file", label + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (OutOfMemoryError e) {
            throw new UnreadableDocumentException("out-of-memory", label + ": too large to read within the memory available (skipped)");
        }
    }

    /** An entry that expands past this many bytes at more than {@link #BOMB_RATIO} times its packed size is a bomb. */
    private static final long BOMB_ENTRY_BYTES = 100L * 1024 * 1024;
    private static final long BOMB_RATIO = 100;

    /**
     * Refuses an Office file (a zip) whose entries would expand far beyond any real report's, judged from
     * its directory before anything is inflated: a DOCX bomb would otherwise fill the memory of the reader.
     */
    private static void refuseZipBomb(Path file, String label) throws UnreadableDocumentException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            long total = 0;
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = e.nextElement();
                long size = entry.getSize();
                long packed = Math.max(1, entry.getCompressedSize());
                total += Math.max(0, size);
                if (size > BOMB_ENTRY_BYTES && size / packed > BOMB_RATIO || total > 20 * BOMB_ENTRY_BYTES) {
                    throw new UnreadableDocumentException("zip-bomb", label + ": refused, its part " + entry.getName()
                            + " would expand from " + packed + " to " + size + " bytes (skipped)");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a zip (a DOC, XLS or HTML file): nothing to check
        }
    }

    /** The report format of a file, by its content first and its name second. */
    public String detectFormat(Path file, String label) throws UnreadableDocumentException {
        if (utf16Text(file)) {
            return "txt"; // Tika calls text without a byte-order mark binary, and goes by the name (.doc, none)
        }
        MediaType type;
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata);
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable-file", label + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String format = formatOf(type);
        if (format == null) {
            throw new UnreadableDocumentException("unsupported-format", label + ": " + type
                    + " is not a format reports come in (PDF, DOCX, DOC, RTF, XLSX, XLS, HTML, TXT) (skipped)");
        }
        return format;
    }

    /** Whether the file begins as text in UTF-16 without a byte-order mark. */
    private static boolean utf16Text(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PlainTextReader.utf16WithoutBom(in.readNBytes(8192)) != null;
        } catch (IOException e) {
            return false; // the detection that follows says why the file cannot be read
        }
    }

    static String formatOf(MediaType type) {
        String t = type.getBaseType().toString().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "application/pdf" -> "pdf";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "application/vnd.ms-word.document.macroenabled.12" -> "docx";
            case "application/msword" -> "doc";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "application/vnd.ms-excel.sheet.macroenabled.12" -> "xlsx";
            case "application/vnd.ms-excel" -> "xls";
            case "text/html", "application/xhtml+xml" -> "html";
            case "application/rtf" -> "rtf"; // often named .doc: Word's "save as" RTF, common on government sites
            case "text/plain" -> "txt";
            case "application/x-tika-msoffice", "application/x-tika-ooxml", "application/x-tika-ooxml-protected",
                 "application/zip", "application/x-ole-storage" -> "office";
            default -> null;
        };
    }

    private Document readWithTika(Path file, String label, String format) throws UnreadableDocumentException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        ParseContext context = new ParseContext();
        context.set(Parser.class, EmptyParser.INSTANCE);
        boolean sheets = format.equals("xlsx") || format.equals("xls");
        XhtmlBlockHandler handler = new XhtmlBlockHandler(sheets);
        try (InputStream in = TikaInputStream.get(file)) {
            tika.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException("encrypted", label + ": encrypted document, no text can be read without its password (skipped)", e);
        } catch (ZeroByteFileException e) {
            throw new UnreadableDocumentException("empty-file", label + ": empty file, nothing to read (skipped)", e);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            if (rootMessage(e).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new UnreadableDocumentException("zip-bomb", label + ": refused, it would expand far beyond its size ("
                        + rootMessage(e) + ") (skipped)", e);
            }
            throw new UnreadableDocumentException("corrupt", label + ": not a readable " + format.toUpperCase(Locale.ROOT)
                    + " file (" + rootMessage(e) + ") (skipped)", e);
        }
        String actual = format.equals("office") ? formatOf(MediaType.parse(String.valueOf(metadata.get(Metadata.CONTENT_TYPE)))) : format;
        if (actual == null || actual.equals("office")) {
            throw new UnreadableDocumentException("unsupported-format", label + ": " + metadata.get(Metadata.CONTENT_TYPE)
                    + " is not a format reports come in (skipped)");
        }
        List<Block> blocks = handler.blocks();
        Integer pages = sheets ? Integer.valueOf(handler.pageCount()) : metadata.getInt(Office.PAGE_COUNT);
        return Document.of(label, actual, pages, metadata.get(TikaCoreProperties.TITLE), blocks);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
