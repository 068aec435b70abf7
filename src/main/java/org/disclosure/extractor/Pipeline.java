package org.disclosure.extractor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.disclosure.extractor.check.ReportChecks;
import org.disclosure.extractor.extract.RecordExtractor;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.Source;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.DocumentReader;
import org.disclosure.extractor.ingest.UnreadableDocumentException;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.outline.SectionTree;
import org.disclosure.extractor.text.DocumentNormalizer;

/** The stages wired in order: read, normalise, outline, extract, check. One instance serves many files and threads. */
public final class Pipeline {

    /** What became of one file: a record, or an error with a reason. */
    public sealed interface Outcome permits Extracted, Parsed, Failed {
    }

    /** A file read into the document model and no further (`extract --stage parse`). */
    public record Parsed(Source source, int blocks, int tables) implements Outcome {
    }

    public record Extracted(ReportRecord record) implements Outcome {
    }

    public record Failed(String file, String sha256, String reason, String message) implements Outcome {
    }

    private final DocumentReader reader;
    private final RecordExtractor extractor = new RecordExtractor();
    private final ReportChecks checker = new ReportChecks();

    public Pipeline() {
        this(DocumentReader.DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes files larger than this are refused (too-large) */
    public Pipeline(long maxBytes) {
        this(maxBytes, OcrOptions.DEFAULT);
    }

    /**
     * @param maxBytes files larger than this are refused (too-large)
     * @param ocr      when and how pages without a text layer are read by OCR
     */
    public Pipeline(long maxBytes, OcrOptions ocr) {
        reader = new DocumentReader(maxBytes, ocr);
    }

    /** Reads and normalises a file into the document model (what `inspect` shows). */
    public Document read(Path file, String label) throws UnreadableDocumentException {
        return read(file, label, true);
    }

    public Document read(Path file, String label, boolean normalise) throws UnreadableDocumentException {
        Document doc = reader.read(file, label);
        return normalise ? DocumentNormalizer.normalize(doc) : doc;
    }

    /** Reads, normalises, extracts and checks one file; never throws: a failure is an outcome with a reason. */
    public Outcome process(Path file, String label) {
        return process(file, label, null);
    }

    /**
     * As {@link #process(Path, String)}, for a file whose sha256 the caller has computed already (a batch
     * run hashes in its own process, where hashing runs many times faster than in a worker without C2).
     */
    public Outcome process(Path file, String label, String sha256) {
        return run(file, label, sha256, true, (doc, source) -> {
            SectionTree tree = Outline.build(doc);
            ReportRecord record = extractor.extract(doc, tree, source);
            if (doc.damage() != null && record.reason() != null && !record.reason().startsWith("template")) {
                // what a damaged file still shows is no ground to call it no report: it is a broken file
                return new Failed(label, source.sha256(), "corrupt", label + ": " + doc.damage()
                        + ", and what can be read does not show which report it is (skipped)");
            }
            return new Extracted(checker.checked(doc, tree, record));
        });
    }

    /** Only reads the file (as `process` does, without normalising, extracting or checking): for benchmarks. */
    public Outcome parse(Path file, String label) {
        return parse(file, label, null);
    }

    public Outcome parse(Path file, String label, String sha256) {
        return run(file, label, sha256, false, (doc, source) -> new Parsed(source, doc.blocks().size(),
                (int) doc.blocks().stream().filter(b -> b.isTable()).count()));
    }

    /** What is done with a document once read. */
    private interface Stage {
        Outcome apply(Document doc, Source source);
    }

    private Outcome run(Path file, String label, String knownSha256, boolean normalise, Stage stage) {
        String sha = knownSha256;
        try {
            if (sha == null) {
                sha = sha256(file);
            }
            Document doc = read(file, label, normalise);
            return stage.apply(doc, new Source(label, sha, doc.format(), doc.pages(), doc.damage(), doc.ocr()));
        } catch (UnreadableDocumentException e) {
            return new Failed(label, sha, e.reason(), e.getMessage());
        } catch (IOException e) {
            return new Failed(label, sha, "unreadable-file", label + ": cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException | StackOverflowError e) {
            return new Failed(label, sha, "internal-error", label + ": extraction failed (" + e + "); please report this file");
        } catch (OutOfMemoryError e) {
            return new Failed(label, sha, "out-of-memory", label + ": ran out of memory while reading (skipped)");
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
