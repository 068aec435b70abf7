package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.junit.jupiter.api.Test;

/** The end of an extract run counts the files and pages OCR read, and says which were left unread and what to do. */
class OcrTallyTest {

    private static final String NOT_INSTALLED = "its 8 pages are images (a scan) and Tesseract is not installed: "
            + "apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    private static OcrTally tally(String... records) {
        OcrTally t = OcrTally.none(OcrMode.AUTO);
        for (String r : records) {
            JsonNode ocr = OcrTally.reading(r);
            t = t.add(ocr == null ? null : "f" + t.unread() + ".pdf", ocr);
        }
        return t;
    }

    @Test
    void sourceOcrIsReadFromTheStartOfARecordsLine() {
        assertThat(OcrTally.reading("{\"source\":{\"file\":\"a.pdf\",\"ocr\":{\"pages\":[1,2]}},\"doc\":{}}").path("pages").size()).isEqualTo(2);
        assertThat(OcrTally.reading("{\"source\":{\"file\":\"a.pdf\"},\"doc\":{}}")).isNull();
        assertThat(OcrTally.reading("{\"source\":{\"file\":\"a.pdf\",\"ocr\":null}}")).isNull();
        assertThat(OcrTally.reading("not json")).isNull();
    }

    @Test
    void filesAndPagesReadByOcrAreCountedAndFilesLeftUnreadSayWhy() {
        OcrTally t = tally("{\"source\":{\"file\":\"a.pdf\",\"ocr\":{\"engine\":\"tesseract 5.3.0 chi_sim\",\"dpi\":300,\"pages\":[3,4,5]}}}",
                "{\"source\":{\"file\":\"b.pdf\",\"ocr\":{\"engine\":\"tesseract 5.3.0 chi_sim\",\"dpi\":300,\"pages\":[1]}}}",
                "{\"source\":{\"file\":\"c.txt\"}}",
                "{\"source\":{\"file\":\"d.pdf\",\"ocr\":{\"unavailable\":\"" + NOT_INSTALLED + "\"}},\"reason\":\"no-text: …\"}");
        assertThat(t).isEqualTo(new OcrTally(OcrMode.AUTO, 2, 4, 1, NOT_INSTALLED, "f0.pdf", false));
        RunSummary s = new RunSummary(4, 0, 4, Map.of("no-text", 1), 0, Map.of(), 9.5, null, t);
        assertThat(s.line(Path.of("out")).lines().toList()).containsExactly(
                "extract: 4 files, 4 records (1 empty: no-text 1), 0 errors, 2 files read by OCR (4 pages), 9.5 s -> out",
                "extract: 1 file has pages that need OCR left unread: f0.pdf: " + NOT_INSTALLED);
        assertThat(t.json().toString()).isEqualTo("{\"mode\":\"auto\",\"files\":2,\"pages\":4,\"unread\":1,\"unread_why\":\""
                + NOT_INSTALLED + "\"}");
    }

    @Test
    void filesLeftUnreadForDifferentReasonsPointToTheRecordsAndAlikeOnesSaySo() {
        OcrTally t = tally("{\"source\":{\"ocr\":{\"unavailable\":\"OCR is off (--ocr never)\"}}}",
                "{\"source\":{\"ocr\":{\"unavailable\":\"" + NOT_INSTALLED + "\"}}}");
        assertThat(t.unreadLine()).isEqualTo("extract: 2 files have pages that need OCR left unread: f0.pdf: OCR is off "
                + "(--ocr never) (and others for other reasons: see source.ocr.unavailable in records.jsonl)");
        OcrTally off = OcrTally.none(OcrMode.NEVER);
        for (String pages : new String[] {"8 of 8 pages are", "1 of 1 page is"}) {
            off = off.add("scan.pdf", OcrTally.reading("{\"source\":{\"ocr\":{\"unavailable\":\"" + pages
                    + " an image without text (a scan), and OCR is off (--ocr never)\"}}}"));
        }
        assertThat(off.unreadLine()).isEqualTo("extract: 2 files have pages that need OCR left unread: scan.pdf: 8 of 8 "
                + "pages are an image without text (a scan), and OCR is off (--ocr never) (the others alike); --ocr auto reads them");
        assertThat(OcrTally.none(OcrMode.NEVER).unreadLine()).isNull();
        assertThat(OcrTally.none(OcrMode.NEVER).clause()).isEmpty();
    }
}
