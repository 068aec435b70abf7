package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are read under the inputs given, and why the others are not. */
class InputFilesTest {

    private static final long LIMIT = 1000;

    @TempDir
    Path dir;

    private InputFiles.Selection select(boolean followLinks, Path out, Path... inputs) {
        return InputFiles.select(List.of(inputs), new InputFiles.Rules(LIMIT, followLinks, out));
    }

    private static Map<String, String> reasons(InputFiles.Selection s) {
        return s.rejected().stream().collect(Collectors.toMap(r -> r.path().getFileName().toString(), InputFiles.Rejected::reason));
    }

    private static List<String> names(InputFiles.Selection s) {
        return s.files().stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void regularFilesInSortedOrderHiddenOnesLeftOut() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/b"));
        Files.writeString(in.resolve("z.txt"), "z");
        Files.writeString(dir.resolve("in/a.txt"), "a");
        Files.writeString(dir.resolve("in/.hidden.txt"), "h");
        Files.createDirectories(dir.resolve("in/.git"));
        Files.writeString(dir.resolve("in/.git/config.txt"), "g");
        InputFiles.Selection s = select(false, null, dir.resolve("in"));
        assertThat(names(s)).containsExactly("a.txt", "z.txt");
        assertThat(s.rejected()).isEmpty();
    }

    @Test
    void pipesAndTooLargeFilesAreRefusedUnopened() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path pipe = in.resolve("pipe.pdf");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).as("mkfifo is needed by this test").isZero();
        Files.write(in.resolve("big.pdf"), new byte[(int) LIMIT + 1]);
        Files.write(in.resolve("ok.pdf"), new byte[(int) LIMIT]);
        InputFiles.Selection s = select(false, null, in);
        assertThat(names(s)).containsExactly("ok.pdf");
        assertThat(reasons(s)).containsExactlyInAnyOrderEntriesOf(Map.of("pipe.pdf", "not-a-regular-file", "big.pdf", "too-large"));
        assertThat(s.rejected()).anySatisfy(r -> assertThat(r.message()).contains("named pipe"));
        InputFiles.Selection direct = select(false, null, Path.of("/dev/zero"));
        assertThat(direct.files()).isEmpty();
        assertThat(direct.rejected().get(0).message()).isEqualTo("/dev/zero: is a character device, not a regular file; "
                + "only regular files are read (not read)");
    }

    @Test
    void linksAreFollowedOnlyInsideTheFoldersGiven() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(dir.resolve("in/report.txt"), "report");
        Files.createSymbolicLink(in.resolve("inside.txt"), dir.resolve("in/report.txt"));
        Files.createSymbolicLink(in.resolve("x.pdf"), secret);
        Files.createSymbolicLink(in.resolve("gone.pdf"), dir.resolve("nothing.pdf"));
        Files.createSymbolicLink(in.resolve("up"), dir.resolve("in")); // a loop: searched once, under its own name
        Files.createSymbolicLink(in.resolve("zero.pdf"), Path.of("/dev/zero"));
        InputFiles.Selection s = select(false, null, dir.resolve("in"));
        assertThat(names(s)).containsExactly("report.txt", "inside.txt");
        assertThat(reasons(s)).containsExactlyInAnyOrderEntriesOf(Map.of("x.pdf", "link-outside-input",
                "gone.pdf", "broken-link", "zero.pdf", "link-outside-input"));
        assertThat(s.rejected()).anySatisfy(r -> assertThat(r.message()).contains(secret.toString()).contains("--follow-links"));

        InputFiles.Selection followed = select(true, null, dir.resolve("in"));
        assertThat(names(followed)).containsExactly("report.txt", "inside.txt", "x.pdf");
        assertThat(reasons(followed)).containsExactlyInAnyOrderEntriesOf(Map.of("gone.pdf", "broken-link",
                "zero.pdf", "not-a-regular-file"));
    }

    @Test
    void aLinkNamedByItselfIsFollowedOnlyInsideItsOwnFolder() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(in.resolve("report.txt"), "report");
        Path out = Files.createSymbolicLink(in.resolve("x.pdf"), secret);
        Path near = Files.createSymbolicLink(in.resolve("near.txt"), in.resolve("report.txt"));
        assertThat(reasons(select(false, null, out))).containsExactlyEntriesOf(Map.of("x.pdf", "link-outside-input"));
        assertThat(select(true, null, out).files()).containsExactly(out);
        assertThat(select(false, null, near).files()).containsExactly(near);
    }

    @Test
    void theOutputFolderAndWhatRunsWroteAreNeverRead() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/out"));
        Files.writeString(dir.resolve("in/report.txt"), "report");
        Files.writeString(in.resolve("records.jsonl"), "{}\n");
        Files.writeString(in.resolve("notes.txt"), "notes");
        Path earlier = Files.createDirectories(dir.resolve("in/earlier"));
        Files.writeString(earlier.resolve("records.jsonl"), "{}\n");
        Files.writeString(earlier.resolve("records.csv"), "a,b\n");
        Files.writeString(earlier.resolve("records.xlsx"), "PK");
        Files.writeString(earlier.resolve("panel.xlsx"), "PK"); // panel -o earlier
        Files.writeString(earlier.resolve("panel.csv"), "a,b\n");
        Files.writeString(earlier.resolve("errors.csv"), "a,b\n");
        Files.writeString(earlier.resolve("items.csv.tmp"), "a,b"); // left by a run killed while writing its tables
        Files.writeString(earlier.resolve("report2.txt"), "report");
        InputFiles.Selection s = select(false, in, dir.resolve("in"));
        assertThat(names(s)).containsExactly("report2.txt", "report.txt");
        assertThat(s.rejected()).isEmpty();
        InputFiles.Selection outGiven = select(false, in, in);
        assertThat(names(outGiven)).isEmpty();
        assertThat(reasons(select(false, in, in.resolve("records.jsonl")))).containsEntry("records.jsonl", "output-file");
    }

    @Test
    void theDatabaseAndTheParquetFilesOfARunAreNeverRead() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("report.txt"), "report");
        Path earlier = Files.createDirectories(in.resolve("earlier/parquet"));
        Files.writeString(earlier.resolveSibling("records.jsonl"), "{}\n");
        Files.write(earlier.resolveSibling("records.duckdb"), new byte[]{1});
        Files.write(earlier.resolve("records.parquet"), new byte[]{1});
        Path notARun = Files.createDirectories(in.resolve("other/parquet"));
        Files.writeString(notARun.resolve("report3.txt"), "a report in a folder that happens to be called parquet");
        Files.writeString(in.resolve("other/records.duckdb"), "not a run's: no records.jsonl beside it");
        InputFiles.Selection s = select(false, null, in);
        assertThat(names(s)).containsExactly("report3.txt", "records.duckdb", "report.txt");
        assertThat(s.rejected()).isEmpty();
        assertThat(names(select(false, null, earlier))).isEmpty();
        assertThat(reasons(select(false, null, earlier.resolve("records.parquet"), earlier.resolveSibling("records.duckdb"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("records.parquet", "output-file", "records.duckdb", "output-file"));
    }

    @Test
    void aMissingInputIsRefusedNotThrown() {
        InputFiles.Selection s = select(false, null, dir.resolve("nowhere.pdf"));
        assertThat(s.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("no-such-file"));
    }
}
