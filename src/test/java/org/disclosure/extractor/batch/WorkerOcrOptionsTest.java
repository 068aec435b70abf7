package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import org.junit.jupiter.api.Test;

/** A run's OCR options reach its worker processes whole: on their command line, read back by the worker. */
class WorkerOcrOptionsTest {

    @Test
    void theWorkerCommandLineCarriesTheRunsOcrOptionsAndTheWorkerReadsThemBack() {
        OcrOptions ocr = new OcrOptions(OcrMode.NEVER, "/opt/tesseract/bin/tesseract", "chi_sim", 200);
        Batch.Options options = new Batch.Options(2, Duration.ofSeconds(60), 1L << 20, "full", false, false, "512m",
                Progress.Mode.NONE, 10, List.of(), ocr);
        List<String> command = new Batch(options, System.err).command();
        int worker = command.indexOf(Worker.class.getName());
        assertThat(command.subList(worker + 1, command.size()))
                .containsExactly("full", Long.toString(1L << 20), "never", "/opt/tesseract/bin/tesseract", "chi_sim", "200");
        String[] args = command.subList(worker + 1, command.size()).toArray(String[]::new);
        assertThat(Worker.ocrOptions(args, 2)).isEqualTo(ocr);
    }

    @Test
    void optionsMadeWithoutOcrReadAsByDefaultAndAWorkerGivenNoneDoesToo() {
        Batch.Options options = new Batch.Options(1, Duration.ofSeconds(60), 1L << 20, "full", false, false, "512m",
                Progress.Mode.NONE, 10, List.of());
        assertThat(options.ocr()).isEqualTo(OcrOptions.DEFAULT);
        assertThat(options.withResume(true).ocr()).isEqualTo(OcrOptions.DEFAULT);
        assertThat(Worker.ocrOptions(new String[] {"full", "100"}, 2)).isEqualTo(OcrOptions.DEFAULT);
    }
}
