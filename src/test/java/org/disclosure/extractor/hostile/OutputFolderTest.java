package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is the user's: a run does not replace the results of another unless told to, and two
 * runs never write into one folder at once; a lock left by a run that was killed does not block the next.
 */
class OutputFolderTest {

    @TempDir
    Path dir;

    private Path in;
    private Path out;

    @BeforeEach
    void twoReports() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("001.txt"));
        Files.copy(Path.of("corpus/seeds/002_5c11e5d911459f7e.txt"), in.resolve("002.txt"));
        out = dir.resolve("out");
    }

    private Runs.InJvm extract(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"extract", in.toString(), "-o", out.toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return Runs.run(args);
    }

    @Test
    void aSecondRunIntoAFolderWithResultsIsRefusedUnlessResumedOrOverwritten() throws Exception {
        assertThat(extract().status()).isZero();
        byte[] records = Files.readAllBytes(out.resolve("records.jsonl"));
        long modified = Files.getLastModifiedTime(out.resolve("summary.json")).toMillis();

        Runs.InJvm again = extract();
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err().strip().lines().count()).as(again.err()).isEqualTo(1);
        assertThat(again.err()).contains(out.toString()).contains("--resume").contains("--overwrite");
        assertThat(Files.readAllBytes(out.resolve("records.jsonl"))).as("nothing written").isEqualTo(records);
        assertThat(Files.getLastModifiedTime(out.resolve("summary.json")).toMillis()).isEqualTo(modified);
        assertThat(out.resolve(".lock")).doesNotExist();

        assertThat(extract("--resume").status()).isZero();
        assertThat(Runs.summary(out).path("skipped").asInt()).isEqualTo(2);

        Files.delete(in.resolve("002.txt"));
        assertThat(extract("--overwrite").status()).isZero();
        assertThat(Files.readAllLines(out.resolve("records.jsonl"))).hasSize(1);
        assertThat(Runs.summary(out).path("files").asInt()).isEqualTo(1);

        assertThat(extract("--resume", "--overwrite").status()).isEqualTo(2);
    }

    @Test
    void aFolderWhoseLockIsHeldIsRefusedNamingTheHolder() throws Exception {
        Files.createDirectories(out);
        try (FileChannel ch = FileChannel.open(out.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            ch.write(ByteBuffer.wrap("4242 2026-01-01T00:00:00Z\n".getBytes(StandardCharsets.UTF_8)));
            Runs.InJvm second = extract("--resume");
            assertThat(second.status()).isEqualTo(2);
            assertThat(second.err()).contains(out.toString()).contains("pid 4242");
            assertThat(out.resolve("records.jsonl")).doesNotExist();
        }
    }

    @Test
    void aLockLeftByARunNoLongerRunningIsTakenOverWithANote() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(out);
        Files.writeString(out.resolve(".lock"), gone.pid() + " 2026-01-01T00:00:00Z\n");

        Runs.InJvm run = extract();
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("taking over the lock").contains("pid " + gone.pid());
        assertThat(Files.readAllLines(out.resolve("records.jsonl"))).hasSize(2);
        assertThat(out.resolve(".lock")).as("removed at the end").doesNotExist();
    }
}
