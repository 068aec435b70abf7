package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.RecordExtractor;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.extract.Source;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.junit.jupiter.api.Test;

/**
 * Whether a volume of tables holds what its contents list and its standard set, on real reports with one table
 * taken out of a copy: a final account (上海市普陀区财政局 2024, nine 公开表) and a budget (长沙市信访局 2026).
 */
class TableCompletenessTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final RecordExtractor EXTRACTOR = new RecordExtractor();
    private static final ReportChecks CHECKS = new ReportChecks();
    private static final Path PUTUO = Path.of("..", "shared", "corpus", "real", "上海市普陀区财政局-2024-部门决算.pdf");
    private static final Path CHANGSHA = Path.of("corpus/real/长沙市信访局-2026-部门预算.pdf");

    private static Document read(Path file) throws Exception {
        return PIPELINE.read(file, file.toString());
    }

    /**
     * The document without the table titled {@code title}: its title line, the short lines under it and its
     * table blocks; and without the contents' entry too when {@code alsoContents} (or the entry ending as given).
     */
    private static Document withoutTable(Document doc, String title, boolean alsoContents) {
        return withoutTable(doc, title, alsoContents ? title : null);
    }

    private static Document withoutTable(Document doc, String title, String entry) {
        List<Block> blocks = new ArrayList<>();
        List<Block> all = doc.blocks();
        boolean removed = false;
        int contents = TableCompleteness.contents(doc)[1];
        for (int i = 0; i < all.size(); i++) {
            Block b = all.get(i);
            String t = b.text().replaceAll("\\s", "");
            if (i < contents) {
                if (entry == null || !t.endsWith(entry)) {
                    blocks.add(b);
                }
                continue;
            }
            if (!removed && t.endsWith(title)) {
                removed = true;
                int j = i + 1;
                while (j < all.size() && (all.get(j).isTable() || all.get(j).text().strip().length() <= 12)) {
                    j++;
                }
                i = j - 1;
                continue;
            }
            blocks.add(b);
        }
        assertThat(removed).as("the table is in the report: " + title).isTrue();
        return doc.withBlocks(blocks);
    }

    private static List<Finding> completeness(Document doc) {
        ReportRecord record = EXTRACTOR.extract(doc, new Source(doc.file(), "", doc.format(), doc.pages()));
        return CHECKS.check(doc, record).stream()
                .filter(f -> f.rule().equals("form/missing_table") || f.rule().equals("form/listed_table_missing")).toList();
    }

    @Test
    void realReportsAsPublishedHoldTheirTables() throws Exception {
        assertThat(completeness(read(PUTUO))).isEmpty();
        assertThat(completeness(read(CHANGSHA))).isEmpty();
    }

    @Test
    void aTableTheContentsListButTheReportLacksIsAWarning() throws Exception {
        List<Finding> f = completeness(withoutTable(read(PUTUO), "一般公共预算财政拨款基本支出决算表", false));
        assertThat(f).extracting(Finding::rule).containsExactly("form/listed_table_missing"); // one cause, one finding
        assertThat(f.get(0).severity()).isEqualTo("warning");
        assertThat(f.get(0).messageZh()).contains("六、一般公共预算财政拨款基本支出决算表", "第2页");
    }

    @Test
    void aFinalAccountWithoutOneOfItsNineTablesIsAWarning() throws Exception {
        List<Finding> f = completeness(withoutTable(read(PUTUO), "一般公共预算财政拨款基本支出决算表", true));
        assertThat(f).extracting(Finding::rule).containsExactly("form/missing_table");
        assertThat(f.get(0).values().get(0).value()).isEqualTo("basic_expenditure");
        assertThat(f.get(0).messageZh()).contains("一般公共预算财政拨款基本支出决算表");
    }

    @Test
    void aTableDeclaredEmptyIsNotMissingFromTheSet() throws Exception {
        // 长沙 2026 says 本单位无政府性基金安排的支出: without the table it is declared empty, though still listed
        List<Finding> f = completeness(withoutTable(read(CHANGSHA), "2026年政府性基金预算支出情况表", "政府性基金预算支出表"));
        assertThat(f).isEmpty();
        List<Finding> listed = completeness(withoutTable(read(CHANGSHA), "2026年政府性基金预算支出情况表", false));
        assertThat(listed).extracting(Finding::rule).containsExactly("form/listed_table_missing");
        assertThat(listed.get(0).messageZh()).contains("8、政府性基金预算支出表", "正文说明无相关收支");
    }

    @Test
    void theNarrativeVolumesOfTheUnlabelledReportsAreNotAccusedOfLackingTables() {
        List<String> accused = new ArrayList<>();
        for (var e : org.disclosure.extractor.unlabelled.UnlabelledReports.outcomes().entrySet()) {
            if (e.getValue() instanceof Pipeline.Extracted x
                    && x.record().field("doc.volume").map(v -> v.value()).filter("narrative"::equals).isPresent()) {
                x.record().findings().stream().filter(f -> f.rule().startsWith("form/")).forEach(f -> accused.add(e.getKey() + ": " + f.messageZh()));
            }
        }
        assertThat(accused).isEmpty();
    }
}
