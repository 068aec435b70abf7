package org.disclosure.extractor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.disclosure.extractor.batch.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job into an output that holds an earlier job's results: refused, resumed (unchanged files skipped) or overwritten. */
class SparkResumeTest {

    @TempDir
    Path dir;

    @Test
    void aResumedJobReadsOnlyNewAndChangedFilesAndTheTablesHoldEveryFileOnce() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("a.txt"));
        Files.copy(Path.of("corpus/seeds/000_efef604f64877e59.txt"), in.resolve("b.txt"));
        String out = dir.resolve("out").toString();
        SparkSession spark = LocalSpark.session();
        RunSummary first = ExtractJob.run(spark, JobOptions.of(List.of(in.toString()), out));
        assertThat(first.records()).isEqualTo(2);

        assertThatThrownBy(() -> ExtractJob.run(spark, JobOptions.of(List.of(in.toString()), out)))
                .isInstanceOf(ExtractJob.Refused.class).hasMessageContaining("--resume");

        Files.copy(Path.of("corpus/seeds/002_5c11e5d911459f7e.txt"), in.resolve("c.txt"));
        Files.writeString(in.resolve("b.txt"), Files.readString(in.resolve("b.txt")) + "\n");
        RunSummary second = ExtractJob.run(spark, JobOptions.of(List.of(in.toString()), out).withResume(true, false));
        assertThat(second.files()).isEqualTo(3);
        assertThat(second.skipped()).as("a.txt, unchanged").isEqualTo(1);
        assertThat(second.records()).as("c.txt, new, and b.txt, changed").isEqualTo(2);
        assertThat(spark.read().parquet(out + "/records").select("file").distinct().count()).isEqualTo(3);
        assertThat(spark.read().parquet(out + "/records").count()).as("b.txt once, as it is now").isEqualTo(3);

        RunSummary third = ExtractJob.run(spark, JobOptions.of(List.of(in.resolve("a.txt").toString()), out).withOverwrite(true));
        assertThat(third.records()).isEqualTo(1);
        assertThat(spark.read().parquet(out + "/records").count()).isEqualTo(1);
    }

    @Test
    void aJobOverNoFilesSaysSoAndWritesNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ExtractJob.run(LocalSpark.session(), JobOptions.of(List.of(empty.toString()), dir.resolve("out").toString())))
                .isInstanceOf(IOException.class).hasMessageContaining("no files found in " + empty);
        assertThat(dir.resolve("out/records")).doesNotExist();
    }
}
