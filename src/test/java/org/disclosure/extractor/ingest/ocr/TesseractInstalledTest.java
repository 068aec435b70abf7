package org.disclosure.extractor.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tesseract and its Simplified Chinese model are installed where the tests run: without them this fails (it is
 * never skipped), so that the tests of scanned reports can never pass by reading nothing.
 */
class TesseractInstalledTest {

    private static final String INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    @Test
    void tesseractListsTheSimplifiedChineseModel() throws Exception {
        String program = OcrOptions.DEFAULT.command();
        ProcessBuilder pb = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(program + " is not installed (" + e.getMessage() + "); the OCR tests need it: " + INSTALL);
            return;
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(program + " --list-langs ends").isTrue();
            assertThat(p.exitValue()).as(program + " --list-langs: " + out).isZero();
            List<String> models = out.lines().map(String::strip).toList();
            assertThat(models).as("the models " + program + " lists (install chi_sim: " + INSTALL + ")").contains("chi_sim");
        } finally {
            p.destroyForcibly();
        }
    }
}
