package org.disclosure.extractor.outline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.UnreadableDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Section trees of the repo's corpus: the same report reads the same whatever its format. */
class OutlineCorpusTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final Map<String, Document> READ = new ConcurrentHashMap<>();

    private static Document read(String file) {
        return READ.computeIfAbsent(file, f -> {
            try {
                return PIPELINE.read(Path.of(f), f);
            } catch (UnreadableDocumentException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The first block whose text contains the words. */
    private static int blockWith(Document doc, String words) {
        return IntStream.range(0, doc.blocks().size())
                .filter(i -> doc.blocks().get(i).text().contains(words))
                .findFirst().orElseThrow(() -> new AssertionError(doc.file() + ": no block with " + words));
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus/seeds/000_efef604f64877e59.txt", "corpus/rendered/000_efef604f64877e59.docx"})
    void linshuiFinalAccounts(String file) {
        Document doc = read(file);
        SectionTree tree = Outline.build(doc);

        List<Section> threePublic = tree.withCanonical("three_public");
        assertThat(threePublic).extracting(Section::heading).containsExactly("八、“三公”经费财政拨款支出决算情况说明",
                "（一）“三公”经费财政拨款支出决算总体情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明");
        int total = blockWith(doc, "2022年“三公”经费财政拨款支出决算为2.82万元");
        assertThat(tree.pathOf(total)).isEqualTo("第二部分2022年度部门决算情况说明 > 八、“三公”经费财政拨款支出决算情况说明"
                + " > （一）“三公”经费财政拨款支出决算总体情况说明");
        assertThat(tree.canonicalPathOf(total)).containsExactly("explanation_part", "three_public", "three_public");
        assertThat(tree.scopeOf(total)).isEqualTo(Scope.MAIN);

        int totals = blockWith(doc, "2022年度收、支总计6796.16万元");
        assertThat(tree.canonicalPathOf(totals)).containsExactly("explanation_part", "totals");
        assertThat(tree.innermost(totals).orElseThrow().level()).isEqualTo(2);
        assertThat(tree.withCanonical("project")).extracting(Section::level).containsExactly(2);

        assertThat(tree.scopeOf(blockWith(doc, "财政拨款收入：指单位从同级财政部门取得"))).isEqualTo(Scope.GLOSSARY);
        int appendix = blockWith(doc, "2022年本年收入合计10805.3万元");
        assertThat(tree.scopeOf(appendix)).isEqualTo(Scope.APPENDIX);
        assertThat(tree.pathOf(appendix)).startsWith("2023年县级部门整体支出绩效自评报告 > ");
        assertThat(tree.withCanonical("glossary")).hasSize(1);
        assertThat(tree.sections().stream().filter(s -> s.scope() == Scope.MAIN).map(Section::canonical))
                .contains("overview", "functions", "organisation", "explanation_part", "totals", "income", "expenditure",
                        "appropriation", "general_budget", "general_budget_overall", "general_budget_structure",
                        "general_budget_items", "basic", "three_public", "gov_fund", "state_capital", "other_matters",
                        "operating_expenses", "procurement", "assets", "performance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus/seeds/001_627f347534218911.txt", "corpus/rendered/001_627f347534218911.docx",
            "corpus/rendered/001_627f347534218911.doc"})
    void lanshanFinalAccounts(String file) {
        Document doc = read(file);
        SectionTree tree = Outline.build(doc);
        Section running = tree.withCanonical("operating_expenses").get(0);
        assertThat(running.heading()).isEqualTo("（一）机关运行经费支出情况");
        assertThat(running.scope()).isEqualTo(Scope.MAIN);
        assertThat(running.path()).containsExactly("第三部分2023年度部门决算情况说明", "十一、其他重要事项情况说明",
                "（一）机关运行经费支出情况");
        assertThat(tree.canonicalPathOf(running.firstBlock())).containsExactly("explanation_part", "other_matters",
                "operating_expenses");

        Section tables = tree.withCanonical("tables_part").get(0);
        assertThat(tree.sections()).filteredOn(s -> s.headingBlock() > tables.headingBlock() && s.headingBlock() < tables.endBlock())
                .isEmpty();
        assertThat(tree.withCanonical("basic")).extracting(Section::heading)
                .containsExactly("六、一般公共预算财政拨款基本支出决算情况说明");
        assertThat(tree.withCanonical("functions").get(0).endBlock())
                .isEqualTo(tree.withCanonical("organisation").get(0).headingBlock());
        assertThat(tree.scopeOf(blockWith(doc, "蓝山县医疗保障局整体支出绩效评价报告"))).isEqualTo(Scope.APPENDIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus/seeds/002_5c11e5d911459f7e.txt", "corpus/rendered/002_5c11e5d911459f7e.docx"})
    void standAloneSelfEvaluationIsMain(String file) {
        Document doc = read(file);
        SectionTree tree = Outline.build(doc);
        assertThat(tree.sections().get(0).heading()).isEqualTo("子洲县2023年度部门（单位）整体支出绩效自评报告");
        assertThat(tree.sections()).extracting(Section::scope).containsOnly(Scope.MAIN);
        assertThat(IntStream.range(0, doc.blocks().size()).mapToObj(tree::scopeOf)).containsOnly(Scope.MAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"corpus/seeds/003_b1ed29c5960ed8a2.txt", "corpus/rendered/003_b1ed29c5960ed8a2.docx",
            "corpus/seeds/004_417c17a55a2502cf.txt", "corpus/rendered/004_417c17a55a2502cf.docx"})
    void mainReportEndsWhereTheAppendedEvaluationsBegin(String file) {
        Document doc = read(file);
        SectionTree tree = Outline.build(doc);
        for (String name : List.of("totals", "general_budget", "basic", "three_public", "gov_fund", "state_capital",
                "operating_expenses", "procurement", "assets", "glossary")) {
            assertThat(tree.withCanonical(name)).as(name).isNotEmpty();
            assertThat(tree.withCanonical(name).get(0).scope()).as(name).isNotEqualTo(Scope.APPENDIX);
        }
        Section firstAppended = tree.sections().stream().filter(s -> s.scope() == Scope.APPENDIX).findFirst().orElseThrow();
        assertThat(tree.sections()).filteredOn(s -> s.headingBlock() > firstAppended.headingBlock())
                .extracting(Section::scope).containsOnly(Scope.APPENDIX);
        assertThat(tree.withCanonical("glossary").get(0).endBlock()).isLessThanOrEqualTo(firstAppended.headingBlock());
    }

    @Test
    void changshaBudgetPdf() {
        Document doc = read("corpus/real/长沙市信访局-2026-部门预算.pdf");
        assumeTrue(!doc.blocks().isEmpty(), "the PDF reader gives no blocks yet");
        SectionTree tree = Outline.build(doc);
        assertThat(tree.withCanonical("three_public")).extracting(Section::heading).containsExactly("（二）“三公”经费预算");
        assertThat(tree.withCanonical("operating_expenses")).extracting(Section::heading).containsExactly("（一）机关运行经费");
        assertThat(tree.withCanonical("tables_part")).hasSize(1);
        assertThat(tree.withCanonical("glossary")).extracting(Section::scope).containsExactly(Scope.GLOSSARY);
        assertThat(tree.withCanonical("overview")).extracting(Section::heading).containsExactly("一、部门基本概况");
    }

    @Test
    void beijingBudgetPdf() {
        Document doc = read("corpus/real/北京市司法局-2026-部门预算.pdf");
        assumeTrue(!doc.blocks().isEmpty(), "the PDF reader gives no blocks yet");
        SectionTree tree = Outline.build(doc);
        assertThat(tree.withCanonical("three_public")).extracting(Section::heading)
                .containsExactly("四、财政拨款“三公”经费预算情况说明");
        assertThat(tree.withCanonical("operating_expenses")).extracting(Section::heading).containsExactly("（二）机关运行经费说明");
        assertThat(tree.withCanonical("explanation_part")).hasSize(1);
    }
}
