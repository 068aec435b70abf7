package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.junit.jupiter.api.Test;

/** What a volume holds: the 情况说明, the standard tables, or both. */
class VolumeTest {

    private static final String PROSE = "2026年度收入预算30775.65万元，比2025年年初预算数减少12927.19万元，主要原因是项目资金执行已经完成。";

    private static LineItem item(String table) {
        return new LineItem(table, table, 1, "", "合计", "预算数", BigDecimal.ONE,
                new Provenance("t.pdf", 1, null, "合计", 0, 0, "table"));
    }

    private static Optional<String> volume(List<Block> blocks, List<LineItem> items) {
        return Volume.of(Document.of("t.pdf", "pdf", 3, null, blocks), items).map(v -> String.valueOf(v.value()));
    }

    private static List<Block> prose(int n) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(Block.paragraph(PROSE, 1, false));
        }
        return blocks;
    }

    @Test
    void aNarrativeAloneIsNarrative() {
        assertThat(volume(prose(6), List.of())).hasValue("narrative");
    }

    @Test
    void standardTablesWithANoteAreTables() {
        List<Block> blocks = List.of(Block.paragraph("预算01表收支总表", 1, true), Block.paragraph("金额单位：万元", 1, false),
                Block.paragraph("注：本表无数据的，说明原因。本部门无政府性基金预算收支，故此表为空表。", 2, false));
        assertThat(volume(blocks, List.of(item("income_expenditure_total"), item("income")))).hasValue("tables");
    }

    @Test
    void tablesPrintedAsTextCountByTheirUnitNotes() {
        List<Block> blocks = new ArrayList<>(prose(6));
        for (int i = 0; i < 3; i++) {
            blocks.add(Block.paragraph("部门：江苏省政协办公厅 单位：万元", 2, false));
        }
        assertThat(volume(blocks, List.of())).hasValue("both");
    }

    @Test
    void aFewSentencesAndOneTableAreNeither() {
        assertThat(volume(prose(2), List.of(item("income")))).isEmpty();
    }
}
