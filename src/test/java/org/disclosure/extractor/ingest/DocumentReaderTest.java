package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    private static final DocumentReader READER = new DocumentReader();
    private static final String SEED_001 = "corpus/rendered/001_627f347534218911";

    @Test
    void readsDocxHeadingsParagraphsAndTheNineTables() throws Exception {
        Document doc = READER.read(Path.of(SEED_001 + ".docx"), "001.docx");
        assertThat(doc.format()).isEqualTo("docx");
        assertThat(doc.blocks()).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo(BlockKind.HEADING);
            assertThat(b.text()).contains("部门概况");
        });
        assertThat(doc.tables()).hasSize(9);
        assertThat(doc.tables().get(0).text()).contains("部门收支决算总表").contains("391.37");
    }

    @Test
    void readsDocTheSameAsDocx() throws Exception {
        Document doc = READER.read(Path.of(SEED_001 + ".doc"), "001.doc");
        Document docx = READER.read(Path.of(SEED_001 + ".docx"), "001.docx");
        assertThat(doc.format()).isEqualTo("doc");
        assertThat(doc.tables()).hasSize(9);
        assertThat(doc.text()).contains("2023年度收、支总计391.37万元");
        assertThat(docx.text()).contains("2023年度收、支总计391.37万元");
    }

    @Test
    void readsEachSheetOfAWorkbookAsATableOnItsOwnPage() throws Exception {
        Document doc = READER.read(Path.of(SEED_001 + "_tables.xlsx"), "t.xlsx");
        assertThat(doc.format()).isEqualTo("xlsx");
        assertThat(doc.tables()).hasSize(9);
        assertThat(doc.pages()).isEqualTo(9);
        assertThat(doc.tables()).extracting(Block::page).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void readsHtmlWithTablesAndHeadings(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        Files.writeString(html, "<html><head><meta charset='utf-8'><title>t</title></head><body>"
                + "<h1>第三部分 2023年度部门决算情况说明</h1><p>2023年度收、支总计<b>391.37</b>万元。</p>"
                + "<table><tr><td colspan='2'>项目</td></tr><tr><td>合计</td><td>391.37</td></tr></table></body></html>",
                StandardCharsets.UTF_8);
        Document doc = READER.read(html, "r.html");
        assertThat(doc.format()).isEqualTo("html");
        assertThat(doc.blocks()).extracting(Block::kind)
                .containsExactly(BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.TABLE);
        assertThat(doc.tables().get(0).table().rows()).hasSize(2);
    }

    @Test
    void readsGbkText(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("gbk.txt");
        Files.write(txt, "邻水县医疗保障局2022年度部门决算\n收、支总计6796.16万元。\n".getBytes("GBK"));
        Document doc = READER.read(txt, "gbk.txt");
        assertThat(doc.text()).startsWith("邻水县医疗保障局2022年度部门决算");
    }

    @Test
    void refusesAnEmptyFile(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.docx"));
        assertThatThrownBy(() -> READER.read(empty, "empty.docx"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("empty.docx").hasMessageContaining("empty")
                .extracting(e -> ((UnreadableDocumentException) e).reason()).isEqualTo("empty-file");
    }

    @Test
    void refusesRandomBytesNamedDocx(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path fake = dir.resolve("fake.docx");
        Files.write(fake, noise);
        assertThatThrownBy(() -> READER.read(fake, "fake.docx"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("fake.docx")
                .extracting(e -> ((UnreadableDocumentException) e).reason())
                .isIn("corrupt", "unsupported-format");
    }

    @Test
    void refusesATruncatedDocx(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(Path.of(SEED_001 + ".docx"));
        Path cut = dir.resolve("cut.docx");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 3));
        assertThatThrownBy(() -> READER.read(cut, "cut.docx"))
                .isInstanceOf(UnreadableDocumentException.class)
                .extracting(e -> ((UnreadableDocumentException) e).reason()).isEqualTo("corrupt");
    }

    @Test
    void refusesAFileOverTheSizeLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[2048]);
        assertThatThrownBy(() -> new DocumentReader(1024).read(big, "big.txt"))
                .extracting(e -> ((UnreadableDocumentException) e).reason()).isEqualTo("too-large");
    }
}
