package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.Source;
import org.disclosure.extractor.ingest.Box;
import org.disclosure.extractor.ingest.OcrReading;
import org.junit.jupiter.api.Test;

/** A record as records.jsonl writes it: what OCR read is said where it was read, and nothing is added elsewhere. */
class JsonRecordsTest {

    static final OcrReading TWO_PAGES = new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(3, 4), 86.04, null);

    static ReportRecord scanned(Float confidence) {
        Provenance p = new Provenance("scan.pdf", 3, "三公经费", "“三公”经费支出12.50万元。", 9, 14, "three_public.actual",
                List.of(new Box(3, 10, 20, 60, 32, confidence == null ? Float.NaN : confidence)), confidence);
        return new ReportRecord(new Source("scan.pdf", "ab", "pdf", 4, null, confidence == null ? null : TWO_PAGES),
                List.of(new FieldValue("three_public.actual", new BigDecimal("12.50"), "万元", p)), null,
                List.of(new LineItem("three_public", "“三公”经费支出表", 3, "", "合计", "决算数", new BigDecimal("12.50"),
                        p.withRule("table"))), List.of(), List.of());
    }

    @Test
    void aFigureReadByOcrSaysSoWithItsConfidence() {
        JsonNode json = JsonRecords.toJson(scanned(87.46f));
        JsonNode p = json.at("/three_public/actual/provenance");
        assertThat(p.path("ocr").asBoolean()).isTrue();
        assertThat(p.path("confidence").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(json.at("/tables/0/ocr").asBoolean()).isTrue();
        assertThat(json.at("/tables/0/confidence").decimalValue()).isEqualByComparingTo("87.5");
    }

    @Test
    void theSourceSaysWhichPagesOcrReadByWhichEngine() {
        JsonNode ocr = JsonRecords.toJson(scanned(87.46f)).at("/source/ocr");
        assertThat(ocr.path("engine").asText()).isEqualTo("tesseract 5.3.0 chi_sim");
        assertThat(ocr.path("dpi").asInt()).isEqualTo(300);
        assertThat(ocr.path("pages").toString()).isEqualTo("[3,4]");
        assertThat(ocr.path("confidence").decimalValue()).isEqualByComparingTo("86.0");
        assertThat(ocr.has("unavailable")).isFalse();
    }

    @Test
    void pagesLeftUnreadSayWhy() {
        ReportRecord r = new ReportRecord(new Source("scan.pdf", "ab", "pdf", 4, null,
                OcrReading.unavailable("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")),
                List.of(), "no-text");
        JsonNode ocr = JsonRecords.toJson(r).at("/source/ocr");
        assertThat(ocr.path("unavailable").asText()).contains("tesseract-ocr-chi-sim");
        assertThat(ocr.has("engine")).isFalse();
    }

    @Test
    void aFigureOfTheTextLayerIsWrittenAsBefore() {
        JsonNode json = JsonRecords.toJson(scanned(null));
        assertThat(json.at("/three_public/actual/provenance").has("ocr")).isFalse();
        assertThat(json.at("/three_public/actual/provenance").has("confidence")).isFalse();
        assertThat(json.at("/tables/0").has("ocr")).isFalse();
        assertThat(json.path("source").has("ocr")).isFalse();
    }
}
