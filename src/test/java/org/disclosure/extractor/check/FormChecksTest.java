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
 * The form of a real budget (长沙市信访局 2026): silent as published; a warning quoting the place once a title is
 * given another year or the other kind, or a template's blank is left in a sentence of a copy.
 */
class FormChecksTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final RecordExtractor EXTRACTOR = new RecordExtractor();
    private static final ReportChecks CHECKS = new ReportChecks();
    private static final Path CHANGSHA = Path.of("corpus/real/长沙市信访局-2026-部门预算.pdf");

    private static Document changsha() throws Exception {
        return PIPELINE.read(CHANGSHA, CHANGSHA.toString());
    }

    /** The document with the first block holding {@code from} changed to hold {@code to}. */
    private static Document planted(Document doc, String from, String to) {
        List<Block> blocks = new ArrayList<>();
        boolean done = false;
        for (Block b : doc.blocks()) {
            if (!done && !b.isTable() && b.text().contains(from)) {
                b = b.withText(b.text().replace(from, to));
                done = true;
            }
            blocks.add(b);
        }
        assertThat(done).as("the words to change are in the report: " + from).isTrue();
        return doc.withBlocks(blocks);
    }

    private static List<Finding> form(Document doc) {
        ReportRecord record = EXTRACTOR.extract(doc, new Source(doc.file(), "", doc.format(), doc.pages()));
        return CHECKS.check(doc, record).stream().filter(f -> f.rule().startsWith("form/")).toList();
    }

    @Test
    void theRealBudgetAsPublishedHasNoFormFinding() throws Exception {
        assertThat(form(changsha())).isEmpty();
    }

    @Test
    void aTableTitleNamingLastYearIsAWarning() throws Exception {
        List<Finding> f = form(planted(changsha(), "2026年部门收入总体情况表", "2025年部门收入总体情况表"));
        assertThat(f).extracting(Finding::rule).containsExactly("form/title_year");
        assertThat(f.get(0).severity()).isEqualTo("warning");
        assertThat(f.get(0).messageZh()).contains("2025年部门收入总体情况表", "第13页");
        assertThat(f.get(0).values().get(0).value()).isEqualTo(2025);
    }

    @Test
    void aBudgetTitleCallingItselfFinalAccountsIsAWarning() throws Exception {
        List<Finding> f = form(planted(changsha(), "2026年部门支出总体情况表", "2026年部门支出决算表"));
        assertThat(f).extracting(Finding::rule).containsExactly("form/title_kind");
        assertThat(f.get(0).messageZh()).contains("本报告为预算", "2026年部门支出决算表");
    }

    @Test
    void aTemplatesBlankLeftInASentenceIsAWarningQuotingIt() throws Exception {
        List<Finding> f = form(planted(changsha(), "2026年长沙市信访局机关运行经费122.98万元", "2026年XX局机关运行经费XXX万元"));
        assertThat(f).extracting(Finding::rule).containsExactly("form/placeholder");
        assertThat(f.get(0).messageZh()).contains("XX局", "第8页");
        assertThat(f.get(0).values().get(0).provenance().text()).contains("2026年XX局机关运行经费XXX万元");
    }

    @Test
    void aDutyMentioningBothKindsIsNoTitle() throws Exception {
        // (the table left without its title is then missing from the contents' list: another finding)
        assertThat(form(planted(changsha(), "2026年部门支出总体情况表", "负责汇总和编制国有资本经营预决算草案")))
                .extracting(Finding::rule).doesNotContain("form/title_kind", "form/title_year");
    }

    @Test
    void anEvaluationDatedByTheYearItIsDoneIsNoOtherYear() throws Exception {
        assertThat(form(planted(changsha(), "2026年部门收入总体情况表", "2027年部门整体支出绩效自评报告")))
                .extracting(Finding::rule).doesNotContain("form/title_year");
    }
}
