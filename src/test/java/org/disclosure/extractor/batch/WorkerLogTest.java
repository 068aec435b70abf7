package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerLogTest {

    @Test
    void keepsSoMuchPerFileAndPerRunAndSaysHowMuchWasLeftOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workers.log");
        byte[] line = "warning: something\n".getBytes(StandardCharsets.UTF_8); // 19 bytes
        try (WorkerLog log = new WorkerLog(file, 100, 250)) {
            WorkerLog.Source a = log.source();
            a.begin("a.pdf");
            for (int i = 0; i < 10; i++) {
                a.write(line, 0, line.length);
            }
            a.end();
            a.begin("b.pdf");
            a.write(line, 0, line.length);
            a.end();
            WorkerLog.Source b = log.source();
            b.begin("c.pdf");
            for (int i = 0; i < 10; i++) {
                b.write(line, 0, line.length);
            }
            b.end();
        }
        String text = Files.readString(file);
        assertThat(text).contains("… 90 more bytes from a.pdf left out (workers.log keeps at most 100 bytes per file)\n");
        assertThat(text).doesNotContain("from b.pdf");
        assertThat(text).endsWith(" more bytes left out (workers.log keeps at most 250 bytes per run)\n");
        assertThat(text.lines().filter(l -> l.startsWith("warning")).count()).isLessThan(14);
        assertThat(text.lines().allMatch(l -> l.startsWith("warni") || l.startsWith("…"))).as(text).isTrue();
    }
}
