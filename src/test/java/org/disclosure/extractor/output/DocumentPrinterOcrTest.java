package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosure.extractor.ingest.OcrReading;
import org.junit.jupiter.api.Test;

/** `inspect` says under a document's header which pages OCR read, by what and how surely, or why it did not. */
class DocumentPrinterOcrTest {

    @Test
    void pagesReadByOcrAreShownAsRangesWithEngineResolutionAndConfidence() {
        assertThat(DocumentPrinter.ocrLine(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1, 2, 3, 5, 7, 8), 86.64, null)))
                .isEqualTo("  ocr: pages 1-3, 5, 7-8 read by tesseract 5.3.0 chi_sim at 300 dpi, mean word confidence 87");
        assertThat(DocumentPrinter.ocrLine(new OcrReading("tesseract 5.3.0 chi_sim", 200, List.of(4), Double.NaN, null)))
                .isEqualTo("  ocr: page 4 read by tesseract 5.3.0 chi_sim at 200 dpi");
    }

    @Test
    void ocrNotDoneSaysWhy() {
        assertThat(DocumentPrinter.ocrLine(OcrReading.unavailable("OCR is off (--ocr never)")))
                .isEqualTo("  ocr: not done: OCR is off (--ocr never)");
    }
}
