package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneRecordPerReportAndOneErrorPerUnreadableFile(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("001.txt"));
        Files.copy(Path.of("corpus/rendered/004_417c17a55a2502cf.docx"), in.resolve("004.docx"));
        Files.createFile(in.resolve("empty.pdf"));
        Files.write(in.resolve("noise.docx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path out = dir.resolve("out");

        int status = Main.run("extract", dir.resolve("in").toString(), "-o", out.toString());

        assertThat(status).isZero();
        List<String> records = Files.readAllLines(out.resolve("records.jsonl"));
        assertThat(records).hasSize(2);
        JsonNode first = JSON.readTree(records.stream().filter(r -> r.contains("001.txt")).findFirst().orElseThrow());
        assertThat(first.at("/source/file").asText()).endsWith("001.txt");
        assertThat(first.at("/source/sha256").asText()).hasSize(64);
        assertThat(first.at("/source/format").asText()).isEqualTo("txt");
        assertThat(first.at("/doc/department/value").asText()).isEqualTo("蓝山县医疗保障局");
        assertThat(first.at("/doc/department/provenance/rule").asText()).startsWith("doc.department/");
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertThat(errors).hasSize(2);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("empty.pdf").contains("empty-file"));
        byte[] csv = Files.readAllBytes(out.resolve("records.csv"));
        assertThat(new String(csv, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        String csvText = new String(csv, StandardCharsets.UTF_8);
        assertThat(csvText).contains("doc.department").contains("广元市医疗保障局");
        assertThat(csvText.lines().findFirst().orElseThrow()).as("Chinese headers with units first")
                .contains("部门（单位）名称,报告类型,").contains("公务接待费（万元）");
        assertThat(Files.readString(out.resolve("values.csv"))).contains("doc.fiscal_year");
        assertThat(Files.readString(out.resolve("errors.csv"))).contains("empty.pdf");
        assertThat(out.resolve("records.xlsx")).isNotEmptyFile();
    }

    @Test
    void formatsAndHeaderRowsAreChosenAndTablesWrittenAgainByTheTablesCommand(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("001.txt"));
        Path out = dir.resolve("out");

        assertThat(Main.run("extract", in.toString(), "-o", out.toString(), "--formats", "csv", "--headers", "key")).isZero();
        assertThat(out.resolve("records.xlsx")).doesNotExist();
        assertThat(Files.readString(out.resolve("records.csv"))).startsWith("\uFEFFfile,sha256,");

        assertThat(Main.run("tables", out.toString(), "--headers", "zh")).isZero();
        assertThat(Files.readString(out.resolve("records.csv"))).startsWith("\uFEFF文件,");
        assertThat(out.resolve("records.xlsx")).isNotEmptyFile();

        assertThat(Main.run("extract", in.toString(), "-o", out.toString(), "--overwrite", "--formats", "csv,pdf")).isEqualTo(2);
        assertThat(Main.run("tables", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(Main.run("tables", in.toString())).as("not a run folder").isEqualTo(2);
    }

    @Test
    void exitsNonZeroWhenNothingCouldBeRead(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("empty.docx"));
        int status = Main.run("extract", dir.resolve("empty.docx").toString(), "-o", dir.resolve("out").toString());
        assertThat(status).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("out/errors.jsonl"))).hasSize(1);
    }
}
