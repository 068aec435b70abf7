package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextReaderTest {

    private static final String SAMPLE = "第二部分 2022年度部门决算情况说明\n"
            + "2022年度收、支总计6796.16万元。\n";

    @Test
    void readsUtf8AndGbkAlike() {
        Document utf8 = new PlainTextReader().read(SAMPLE.getBytes(StandardCharsets.UTF_8), "a.txt");
        Document gbk = new PlainTextReader().read(SAMPLE.getBytes(Charset.forName("GBK")), "b.txt");
        assertThat(gbk.text()).isEqualTo(utf8.text());
        assertThat(utf8.blocks()).extracting(Block::text)
                .containsExactly("第二部分 2022年度部门决算情况说明", "2022年度收、支总计6796.16万元。");
    }

    @Test
    void dropsWordBookmarksAndKeepsListNumbering() {
        List<Block> blocks = PlainTextReader.blocks(
                "1、 [bookmark: _Toc15396603][bookmark: _Toc15377205]收入支出决算总体情况说明\n");
        assertThat(blocks).extracting(Block::text).containsExactly("1、 收入支出决算总体情况说明");
    }

    @Test
    void groupsTabLinesIntoTableRows() {
        List<Block> blocks = PlainTextReader.blocks("表一\n\t项目\n\t决算数\n\n\t本年收入合计\n\t391.37\n\n注：单位万元\n");
        assertThat(blocks).extracting(Block::kind)
                .containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH);
        Table t = blocks.get(1).table();
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(1)).extracting(Cell::text).containsExactly("本年收入合计", "391.37");
    }

    @Test
    void offsetsIndexTheDocumentText() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("corpus/seeds/001_627f347534218911.txt"));
        Document doc = new PlainTextReader().read(bytes, "001.txt");
        String text = doc.text();
        for (Block b : doc.blocks()) {
            assertThat(text.substring(b.start(), b.end())).isEqualTo(b.text());
        }
        assertThat(doc.tables()).hasSizeGreaterThanOrEqualTo(9);
    }
}
