package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.text.CjkNormalizer;
import org.disclosure.extractor.unlabelled.UnlabelledReports;
import org.junit.jupiter.api.Test;

/**
 * The glyph boxes of values read from real PDFs (corpus/ and ../shared/unlabelled) against PDFBox itself: the
 * text PDFBox finds inside a value's boxes (as PDFTextStripperByArea does: the glyphs whose baseline start lies in
 * the region) (each slightly enlarged) holds the value's span text, both normalised
 * alike. Every value of a PDF with a span carries boxes: fields, alternates, line items and the
 * values of findings.
 */
class GlyphBoxesRealReportsTest {

    /** How far a box is enlarged on each side before PDFBox reads what lies in it, in points. */
    private static final float SLACK = 1f;

    /** One value's provenance with where it was found in the record. */
    record Placed(String where, Provenance provenance) {
    }

    /** What came of checking one file's values. */
    record Tally(int spans, int boxed, int enclosed, int overprinted, int ocr, List<String> failures) {
    }

    @Test
    void boxesOfCorpusValuesEncloseTheirText() throws IOException {
        Pipeline pipeline = new Pipeline();
        List<Path> pdfs;
        try (Stream<Path> walk = Files.walk(Path.of("corpus"))) {
            pdfs = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        Map<Path, Pipeline.Outcome> outcomes = new LinkedHashMap<>();
        for (Path pdf : pdfs) {
            outcomes.put(pdf, pipeline.process(pdf, pdf.toString()));
        }
        Tally all = check(outcomes);
        System.out.println("glyph boxes, corpus/: " + summary(all));
        assertThat(all.failures()).isEmpty();
        assertThat(all.boxed()).isEqualTo(all.spans());
        assertThat(all.overprinted()).isZero();
    }

    @Test
    void boxesOfUnlabelledValuesEncloseTheirText() {
        Map<Path, Pipeline.Outcome> outcomes = new LinkedHashMap<>();
        UnlabelledReports.outcomes().forEach((name, o) -> {
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                outcomes.put(UnlabelledReports.FOLDER.resolve(name), o);
            }
        });
        assertThat(outcomes).isNotEmpty();
        long start = System.nanoTime();
        Tally all = check(outcomes);
        System.out.println("glyph boxes, unlabelled (" + (System.nanoTime() - start) / 1_000_000 + " ms): " + summary(all));
        assertThat(all.failures()).isEmpty();
        assertThat(all.boxed()).isEqualTo(all.spans());
        // a few cells of 247-气象局 have the next cell's text running over into them (PDFBox reads both)
        assertThat(all.overprinted()).isLessThan(Math.max(10, all.spans() / 1000));
    }

    private static String summary(Tally t) {
        return t.spans() + " values with a span, " + t.boxed() + " with boxes, " + t.enclosed()
                + " whose boxes enclose their text, " + t.overprinted() + " whose boxes hold it with another cell's"
                + " overflowing text between its characters, " + t.ocr() + " read by OCR (no text layer to hold them)"
                + (t.failures().isEmpty() ? "" : "; not:\n  "
                + String.join("\n  ", t.failures().stream().sorted(java.util.Comparator.comparing(f -> f.contains("no boxes")))
                .limit(60).toList()));
    }

    private static Tally check(Map<Path, Pipeline.Outcome> outcomes) {
        int spans = 0;
        int boxed = 0;
        int enclosed = 0;
        int overprinted = 0;
        int ocr = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Path, Pipeline.Outcome> e : new java.util.TreeMap<>(outcomes).entrySet()) {
            if (!(e.getValue() instanceof Pipeline.Extracted x)) {
                continue;
            }
            List<Placed> values = values(x.record());
            List<Placed> withBoxes = new ArrayList<>();
            for (Placed v : values) {
                Provenance p = v.provenance();
                if (p.page() == null || p.spanStart() < 0 || p.spanEnd() <= p.spanStart()) {
                    continue;
                }
                spans++;
                if (p.boxes().isEmpty()) {
                    failures.add(e.getKey().getFileName() + " " + v.where() + ": no boxes for «"
                            + p.text().substring(p.spanStart(), p.spanEnd()) + "» (" + p.rule() + ")");
                    continue;
                }
                boxed++;
                if (p.boxes().stream().anyMatch(org.disclosure.extractor.ingest.Box::ocr)) {
                    // read by OCR from the page's image: the PDF holds no text there to compare with (ScannedPdfReaderTest
                    // checks OCR boxes against where the text was drawn)
                    ocr++;
                    continue;
                }
                withBoxes.add(v);
            }
            List<String> read = textInBoxes(e.getKey(), withBoxes);
            for (int i = 0; i < withBoxes.size(); i++) {
                Provenance p = withBoxes.get(i).provenance();
                String span = squash(p.text().substring(p.spanStart(), p.spanEnd()));
                String inside = squash(read.get(i));
                if (inside.contains(span)) {
                    enclosed++;
                } else if (inOrder(span, inside)) {
                    // the span's glyphs are all there, in order, with glyphs of a neighbouring cell whose text runs
                    // over into this one's place between them (PDFBox reads what overlaps by position)
                    overprinted++;
                } else {
                    failures.add(e.getKey().getFileName() + " " + withBoxes.get(i).where() + ": «" + span
                            + "» not in its boxes " + p.boxes() + ", which hold «" + read.get(i).replace("\n", "⏎").replace("\r", "") + "»");
                }
            }
        }
        return new Tally(spans, boxed, enclosed, overprinted, ocr, failures);
    }

    /** Whether the characters of {@code span} stand in {@code text} in order (others may come between). */
    private static boolean inOrder(String span, String text) {
        int at = 0;
        for (int i = 0; i < span.length(); i++) {
            at = text.indexOf(span.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Every value of a record with its provenance: fields, alternates, line items and the values of findings. */
    static List<Placed> values(ReportRecord r) {
        List<Placed> out = new ArrayList<>();
        r.fields().forEach(f -> out.add(new Placed(f.key(), f.provenance())));
        r.alternates().forEach(f -> out.add(new Placed("alternate " + f.key(), f.provenance())));
        r.tables().forEach(i -> out.add(new Placed(i.table() + " " + i.rowName() + " | " + i.column(), i.provenance())));
        r.findings().stream().flatMap(Finding::withSymptoms).forEach(f -> f.values()
                .forEach(v -> out.add(new Placed(f.rule() + " " + v.key(), v.provenance()))));
        return out;
    }

    /**
     * What PDFBox reads inside each value's boxes (slightly enlarged), the boxes of a value in order: the text
     * positions PDFBox's text stripper gives on the page (overprinted duplicates removed, as it does) whose
     * anchor, the start of the glyph's baseline, lies in the box, left to right (a box holds one line).
     */
    private static List<String> textInBoxes(Path pdf, List<Placed> values) {
        List<String> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Map<Integer, List<TextPosition>> pages = new java.util.HashMap<>();
            for (Placed v : values) {
                StringBuilder text = new StringBuilder();
                for (Box box : v.provenance().boxes()) {
                    List<TextPosition> onPage = pages.computeIfAbsent(box.page(), p -> positions(doc, p));
                    Rectangle2D area = new Rectangle2D.Float(box.x0() - SLACK, box.y0() - SLACK,
                            box.width() + 2 * SLACK, box.height() + 2 * SLACK);
                    onPage.stream().filter(t -> area.contains(t.getX(), t.getY()))
                            .sorted(java.util.Comparator.comparingDouble(TextPosition::getX))
                            .forEach(t -> text.append(t.getUnicode()));
                    text.append('\n');
                }
                out.add(text.toString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text positions PDFBox's text stripper keeps on one page. */
    private static List<TextPosition> positions(PDDocument doc, int page) {
        List<TextPosition> out = new ArrayList<>();
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writePage() {
                    getCharactersByArticle().forEach(out::addAll);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text normalised as the reader's is, without any white space. */
    static String squash(String s) {
        return CjkNormalizer.normalize(s).replaceAll("\\s+", "");
    }
}
