package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.GlyphBoxes;
import org.disclosure.extractor.ingest.OcrReading;
import org.junit.jupiter.api.Test;

/**
 * Each value of a record learns where its characters are drawn and whether OCR read them: the lowest confidence of
 * its own characters, the page's mean where they cannot be found, nothing for text the PDF holds.
 */
class ProvenanceBoxesTest {

    private static final String SENTENCE = "一般公共预算财政拨款“三公”经费支出12.50万元。";
    private static final int START = SENTENCE.indexOf("12.50");
    private static final int END = START + "12.50".length();

    /** A paragraph on page {@code page}, each character its own glyph; the characters of the figure at {@code figure}. */
    private static Block paragraph(int page, float confidence, float figure) {
        GlyphBoxes.Builder glyphs = new GlyphBoxes.Builder();
        for (int i = 0; i < SENTENCE.length(); i++) {
            float c = i >= START && i < END ? figure : confidence;
            glyphs.glyph(new Box(page, 10 * i, 100, 10 * i + 10, 112, c), 1);
        }
        return Block.paragraph(SENTENCE, page, false, glyphs.build());
    }

    private static FieldValue total(int page, String text) {
        return new FieldValue("three_public.actual", new BigDecimal("12.50"), "万元",
                new Provenance("a.pdf", page, null, text, START, END, "three_public.actual"));
    }

    private static ReportRecord filled(Document doc, FieldValue... fields) {
        return ProvenanceBoxes.fill(doc, new ReportRecord(new Source("a.pdf", "", "pdf", 2), List.of(fields), null));
    }

    @Test
    void aFigureReadByOcrCarriesTheLowestConfidenceOfItsCharacters() {
        Document doc = Document.of("a.pdf", "pdf", 2, null, List.of(paragraph(1, 93f, 71.5f)))
                .withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1), 90, null));
        Provenance p = filled(doc, total(1, SENTENCE)).fields().get(0).provenance();
        assertThat(p.ocr()).isTrue();
        assertThat(p.confidence()).isEqualTo(71.5f);
        assertThat(p.boxes()).isNotEmpty().allMatch(Box::ocr);
    }

    @Test
    void aFigureOfTheTextLayerIsNotMarked() {
        GlyphBoxes.Builder glyphs = new GlyphBoxes.Builder();
        for (int i = 0; i < SENTENCE.length(); i++) {
            glyphs.glyph(new Box(1, 10 * i, 100, 10 * i + 10, 112), 1);
        }
        Document doc = Document.of("a.pdf", "pdf", 2, null, List.of(Block.paragraph(SENTENCE, 1, false, glyphs.build())));
        Provenance p = filled(doc, total(1, SENTENCE)).fields().get(0).provenance();
        assertThat(p.boxes()).isNotEmpty();
        assertThat(p.ocr()).isFalse();
        assertThat(p.confidence()).isNull();
    }

    @Test
    void aFigureOnAnOcrPageWhoseCharactersAreNotFoundTakesThePagesMeanConfidence() {
        Document doc = Document.of("a.pdf", "pdf", 2, null, List.of(paragraph(2, 88f, 88f)))
                .withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(2), 84.25, null));
        Provenance p = filled(doc, total(2, "三公经费合计12.50万元（读者拼接的句子）")).fields().get(0).provenance();
        assertThat(p.boxes()).isEmpty();
        assertThat(p.confidence()).isEqualTo(84.25f);
    }

    @Test
    void aValueWhoseBoxesAreKnownAlreadyIsStillMarkedAsRead() {
        Document doc = Document.of("a.pdf", "pdf", 2, null, List.of(paragraph(1, 90f, 90f)))
                .withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1), 90, null));
        Provenance boxed = new Provenance("a.pdf", 1, null, "12.50", 0, 5, "table", List.of(new Box(1, 5, 5, 40, 15, 66f)));
        LineItem cell = new LineItem("three_public", "“三公”经费支出表", 1, "", "合计", "决算数", new BigDecimal("12.50"), boxed);
        ReportRecord record = ProvenanceBoxes.fill(doc, new ReportRecord(new Source("a.pdf", "", "pdf", 2), List.of(), null,
                List.of(cell), List.of(), List.of()));
        assertThat(record.tables().get(0).provenance().confidence()).isEqualTo(66f);
    }

    @Test
    void aFindingsValuesAreMarkedAsTheFieldsAre() {
        Document doc = Document.of("a.pdf", "pdf", 2, null, List.of(paragraph(1, 90f, 80f)))
                .withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1), 90, null));
        FieldValue v = total(1, SENTENCE);
        Finding f = new Finding("sum/three_public.items", "error", "不等", "differs", List.of(v), null, null, null);
        ReportRecord record = ProvenanceBoxes.fill(doc, new ReportRecord(new Source("a.pdf", "", "pdf", 2), List.of(v), null,
                List.of(), List.of(), List.of(f)));
        assertThat(record.findings().get(0).values().get(0).provenance().confidence()).isEqualTo(80f);
        assertThat(record.findings().get(0).values().get(0)).isEqualTo(record.fields().get(0));
    }
}
