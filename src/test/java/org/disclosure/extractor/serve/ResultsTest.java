package org.disclosure.extractor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    @Test
    void aPdfTheWorkersCouldNotReadIsNeverDrawnInTheServer(@TempDir Path batch) throws Exception {
        Path pdf = batch.resolve("input").resolve("1").resolve("炸弹.pdf");
        Files.createDirectories(pdf.getParent());
        Files.writeString(pdf, "%PDF-1.7 not really");
        Files.createDirectories(batch.resolve("out"));
        Files.writeString(batch.resolve("out").resolve("errors.jsonl"),
                "{\"file\":\"" + pdf.toAbsolutePath() + "\",\"reason\":\"timeout\",\"message\":\"x\"}\n");
        assertThat(new Results().pageImage(batch, 1, 1)).isEmpty();
        assertThat(batch.resolve("pages")).doesNotExist();
    }

    @Test
    void aFileIsKnownByItsUploadFolder(@TempDir Path batch) {
        assertThat(Results.fileNumber(batch, batch.resolve("input/12/a.pdf").toString())).isEqualTo(12);
        assertThat(Results.fileNumber(batch, batch.resolve("input/a.pdf").toString())).isEqualTo(-1);
        assertThat(Results.fileNumber(batch, "/etc/passwd")).isEqualTo(-1);
    }
}
