package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.OcrReading;
import org.junit.jupiter.api.Test;

/**
 * A file without text says in its no-text reason what OCR did about it: why it could not read the scans (as the
 * reader puts it, with what to install or which option to change), or that it read them and found nothing.
 */
class NoTextReasonTest {

    private final IdentityExtractor extractor = new IdentityExtractor();

    private static Document scan(OcrReading ocr) {
        return Document.of("scan.pdf", "pdf", 8, null, List.of()).withOcr(ocr);
    }

    @Test
    void whyOcrCouldNotBeDoneIsTheReason() {
        String why = "its 8 pages are images (a scan) and Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim";
        assertThat(extractor.extract(scan(OcrReading.unavailable(why))).reason())
                .isEqualTo("no-text: the file holds no readable text; " + why);
    }

    @Test
    void scansOcrReadWithoutFindingTextSaySo() {
        OcrReading nothing = new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1, 2), Double.NaN, null);
        assertThat(extractor.extract(scan(nothing)).reason()).isEqualTo("no-text: the file holds no readable text: "
                + "OCR (tesseract 5.3.0 chi_sim, 300 dpi) read 2 pages and found no text on them (blank, or too faint or coarse to read)");
        OcrReading noPages = new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(), Double.NaN, null);
        assertThat(extractor.extract(scan(noPages)).reason()).contains("read its pages and found no text on them");
    }

    @Test
    void aFileNoPageOfWhichWasForOcrSaysThatAndHowToOcrEveryPage() {
        assertThat(extractor.extract(scan(null)).reason()).isEqualTo("no-text: the file holds no readable text "
                + "(no page has a text layer, and none was read by OCR; --ocr always reads every page)");
        assertThat(extractor.extract(Document.of("pictures.docx", "docx", null, null, List.of())).reason())
                .startsWith("no-text: the file holds no readable text (").contains("OCR reads scanned pages of PDFs only");
    }
}
