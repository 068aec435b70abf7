package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosure.extractor.output.CheckedFiles.CheckedFile;
import org.disclosure.extractor.output.CheckedFiles.Status;
import org.junit.jupiter.api.Test;

/** What check says of scans: why one was not read (as its record says), and that a report was read without its scanned pages. */
class CheckedFilesOcrTest {

    private static final String WHY = "its 8 pages are images (a scan) and Tesseract is not installed: "
            + "apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    private static JsonNode record(String json) throws Exception {
        return CheckedFiles.JSON.readTree(json);
    }

    @Test
    void aScanNotReadSaysWhyAndWhatToInstall() throws Exception {
        CheckedFile c = CheckedFiles.fromRecord(record("{\"source\":{\"file\":\"scan.pdf\",\"ocr\":{\"unavailable\":\"" + WHY
                + "\"}},\"reason\":\"no-text: the file holds no readable text; " + WHY + "\",\"findings\":[]}"));
        assertThat(c.status()).isEqualTo(Status.NOT_READ);
        assertThat(c.reason()).isEqualTo("no-text");
        assertThat(c.explanation()).isEqualTo("no text: the file holds no readable text; " + WHY);
    }

    @Test
    void aReportReadWithoutItsScannedPagesIsReadInPartAndSaysWhy() throws Exception {
        CheckedFile c = CheckedFiles.fromRecord(record("{\"source\":{\"file\":\"mixed.pdf\",\"ocr\":{\"unavailable\":\""
                + "pages 5-8 are images (scans) and OCR is off (--ocr never)\"}},\"doc\":{\"department\":{\"value\":\"某某局\"},"
                + "\"fiscal_year\":{\"value\":2026}},\"findings\":[]}"));
        assertThat(c.status()).isEqualTo(Status.DAMAGED);
        assertThat(c.reason()).isEqualTo(CheckedFiles.SCANS_UNREAD);
        assertThat(c.explanation()).isEqualTo("read in part: pages that need OCR were not read, figures on them may be "
                + "missing (pages 5-8 are images (scans) and OCR is off (--ocr never))");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckPrinter.text(List.of(c), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("mixed.pdf  某某局 2026 — read in part; no findings");
        assertThat(CheckPrinter.summary(List.of(c), 1)).startsWith("check: 1 file: 1 report read (0 with errors, "
                + "0 with warnings, 1 without their scanned pages), 0 not read");
    }

    @Test
    void aReportWhosePagesOcrReadIsAReportReadWhole() throws Exception {
        CheckedFile c = CheckedFiles.fromRecord(record("{\"source\":{\"file\":\"scan.pdf\",\"ocr\":{\"engine\":"
                + "\"tesseract 5.3.0 chi_sim\",\"dpi\":300,\"pages\":[1,2],\"confidence\":91.5}},\"findings\":[]}"));
        assertThat(c.status()).isEqualTo(Status.REPORT);
        assertThat(c.explanation()).isNull();
    }
}
