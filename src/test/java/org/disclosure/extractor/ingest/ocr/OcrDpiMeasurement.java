package org.disclosure.extractor.ingest.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.evaluate.Evaluation;
import org.disclosure.extractor.ingest.DocumentReader;
import org.disclosure.extractor.output.JsonRecords;

/**
 * Not a test: the measurement behind OcrOptions.DEFAULT_DPI. Reads image-only PDFs with OCR at several resolutions
 * and prints, per file and resolution, seconds per OCR'd page and field precision/recall/F1 against the file's gold.
 * Run from the project folder after {@code mvn test-compile}:
 * <pre>
 * java -cp target/test-classes:target/disclosure-extractor.jar \
 *   org.disclosure.extractor.ingest.ocr.OcrDpiMeasurement 200,250,300,400 &lt;gold dir&gt;=&lt;pdf&gt;...
 * </pre>
 * Each argument after the resolutions is a PDF, optionally prefixed by the folder of its gold and '='.
 */
public final class OcrDpiMeasurement {

    private OcrDpiMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> dpis = java.util.Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
        List<String[]> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            files.add(eq < 0 ? new String[] {null, args[i]} : new String[] {args[i].substring(0, eq), args[i].substring(eq + 1)});
        }
        Path tmp = Files.createTempDirectory("ocr-dpi");
        System.out.println("dpi\tfile\tocr_pages\tseconds\ts_per_page\tconfidence\ttp\tfp\tfn\tprecision\trecall\tF1\tmisses");
        // one read first, so that the JIT's warm-up is not charged to the first resolution
        new Pipeline(DocumentReader.DEFAULT_MAX_BYTES, OcrOptions.DEFAULT).process(Path.of(files.get(0)[1]), "warm-up");
        for (int dpi : dpis) {
            Pipeline pipeline = new Pipeline(DocumentReader.DEFAULT_MAX_BYTES,
                    new OcrOptions(OcrMode.AUTO, "tesseract", "chi_sim", dpi));
            for (String[] f : files) {
                Path pdf = Path.of(f[1]);
                long started = System.nanoTime();
                Pipeline.Outcome outcome = pipeline.process(pdf, pdf.getFileName().toString());
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!(outcome instanceof Pipeline.Extracted extracted)) {
                    System.out.printf(Locale.ROOT, "%d\t%s\t-\t%.1f\t-\t-\t%s%n", dpi, pdf.getFileName(), seconds, outcome);
                    continue;
                }
                var record = extracted.record();
                var ocr = record.source().ocr();
                int pages = ocr == null ? 0 : ocr.pages().size();
                String score = "\t\t\t\t\t\t" + (record.reason() == null ? "" : record.reason());
                if (f[0] != null) {
                    Path records = tmp.resolve("records.jsonl");
                    Files.writeString(records, JsonRecords.MAPPER.writeValueAsString(JsonRecords.toJson(record)) + "\n");
                    Evaluation.Result r = Evaluation.run(Path.of(f[0]), records);
                    Evaluation.Counts c = r.byDocument().get(pdf.getFileName().toString());
                    StringBuilder misses = new StringBuilder();
                    r.misses().stream().filter(m -> m.document().equals(pdf.getFileName().toString()))
                            .forEach(m -> misses.append(m.what()).append(' ').append(m.key()).append(" gold ")
                                    .append(m.gold()).append(" got ").append(m.got()).append("; "));
                    score = String.format(Locale.ROOT, "%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%s", c.tp(), c.fp(), c.fn(),
                            c.precision(), c.recall(), c.f1(), misses);
                }
                System.out.printf(Locale.ROOT, "%d\t%s\t%d\t%.1f\t%.2f\t%.1f\t%s%n", dpi, pdf.getFileName(), pages,
                        seconds, pages == 0 ? 0 : seconds / pages, ocr == null ? Double.NaN : ocr.confidence(), score);
            }
        }
    }
}
