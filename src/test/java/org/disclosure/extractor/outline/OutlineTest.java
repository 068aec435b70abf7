package org.disclosure.extractor.outline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.junit.jupiter.api.Test;

class OutlineTest {

    private static Block p(String text) {
        return Block.paragraph(text, null, false);
    }

    private static Block bold(String text) {
        return Block.paragraph(text, null, true);
    }

    private static Block h(int level, String text) {
        return Block.heading(text, null, level);
    }

    private static SectionTree outline(Block... blocks) {
        return Outline.build(Document.of("t.txt", "txt", null, null, Arrays.asList(blocks)));
    }

    private static List<String> headings(SectionTree tree) {
        return tree.sections().stream().map(Section::heading).toList();
    }

    private static Section only(SectionTree tree, String canonical) {
        List<Section> found = tree.withCanonical(canonical);
        assertThat(found).as(canonical).hasSize(1);
        return found.get(0);
    }

    @Test
    void numbersNestFromPartsToBracketedDigits() {
        SectionTree tree = outline(
                p("第二部分 2022年度部门决算情况说明"),
                p("五、一般公共预算财政拨款支出决算情况说明"),
                p("（三）一般公共预算财政拨款支出决算具体情况"),
                p("1.资金计划及到位"),
                p("（1）产出指标"),
                p("2022年一般公共预算支出决算数为5996.78，完成预算100%。"));
        assertThat(tree.sections()).extracting(Section::level).containsExactly(1, 2, 3, 4, 5);
        assertThat(tree.pathOf(5)).isEqualTo("第二部分 2022年度部门决算情况说明 > 五、一般公共预算财政拨款支出决算情况说明"
                + " > （三）一般公共预算财政拨款支出决算具体情况 > 1.资金计划及到位 > （1）产出指标");
        assertThat(tree.canonicalPathOf(5)).containsExactly("explanation_part", "general_budget", "general_budget_items");
    }

    @Test
    void aSectionEndsAtTheNextHeadingOfItsLevelOrHigher() {
        SectionTree tree = outline(
                p("一、收入决算情况说明"), p("本年收入合计391.37万元。"),
                p("（一）财政拨款收入"), p("财政拨款收入391.37万元。"),
                p("二、支出决算情况说明"), p("本年支出合计391.37万元。"));
        Section income = only(tree, "income");
        assertThat(income.headingBlock()).isZero();
        assertThat(income.firstBlock()).isEqualTo(1);
        assertThat(income.endBlock()).isEqualTo(4);
        assertThat(only(tree, "expenditure").endBlock()).isEqualTo(6);
        assertThat(tree.innermost(3)).map(Section::heading).hasValue("（一）财政拨款收入");
    }

    @Test
    void halfAndFullWidthBracketsMixed() {
        SectionTree tree = outline(
                p("一、部门（单位）概况"),
                p("（一）机构组成。"), p("县医保局是县政府工作部门。"),
                p("（二)机构职能。"), p("贯彻落实医疗保障工作的方针政策。"),
                p("(三）人员概况。"), p("内设股室6个，编制13个。"));
        assertThat(tree.sections()).extracting(Section::level).containsExactly(2, 3, 3, 3);
        assertThat(tree.sections()).extracting(Section::canonical)
                .containsExactly("overview", "organisation", "functions", null);
    }

    @Test
    void wordListNumberStandsForAChineseNumberWhenItNamesATemplateSection() {
        SectionTree tree = outline(
                p("第二部分 2022年度部门决算情况说明"),
                p("1、 收入支出决算总体情况说明"), p("2022年度收、支总计6796.16万元。"),
                p("六、一般公共预算财政拨款基本支出决算情况说明"), p("2022年一般公共预算财政拨款基本支出440.34万元。"),
                p("7、 一般公共预算财政拨款项目支出决算情况说明"), p("2022年一般公共预算财政拨款项目支出5556.44万元。"),
                p("八、“三公”经费财政拨款支出决算情况说明"),
                p("（一）“三公”经费财政拨款支出决算总体情况说明"),
                p("1、重点工作"), p("严格控制三公经费。"));
        assertThat(tree.sections()).extracting(Section::heading, Section::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("第二部分 2022年度部门决算情况说明", 1),
                org.assertj.core.groups.Tuple.tuple("1、 收入支出决算总体情况说明", 2),
                org.assertj.core.groups.Tuple.tuple("六、一般公共预算财政拨款基本支出决算情况说明", 2),
                org.assertj.core.groups.Tuple.tuple("7、 一般公共预算财政拨款项目支出决算情况说明", 2),
                org.assertj.core.groups.Tuple.tuple("八、“三公”经费财政拨款支出决算情况说明", 2),
                org.assertj.core.groups.Tuple.tuple("（一）“三公”经费财政拨款支出决算总体情况说明", 3),
                org.assertj.core.groups.Tuple.tuple("1、重点工作", 4));
        assertThat(tree.withCanonical("basic").get(0).endBlock()).isEqualTo(5);
    }

    @Test
    void aNumberContinuesItsSequenceInAnotherStyle() {
        SectionTree tree = outline(
                p("三、部门整体预算绩效管理情况"),
                p("（一）部门预算管理。"), p("目标制定相对比较科学。"),
                p("（2）项目预算管理。"), p("保障基本医疗顺利实施。"),
                p("（三）结果应用情况。"), p("评价结果整改情况良好。"));
        assertThat(tree.sections()).extracting(Section::level).containsExactly(2, 3, 3, 3);
    }

    @Test
    void runInHeadingIsItsLeadAndItsSectionHoldsItsOwnParagraph() {
        SectionTree tree = outline(
                p("一、基本职能及主要工作"),
                p("（一）主要职能。组织拟定全县医疗保险、生育保险、医疗救助等医疗保障的规范性文件。"),
                p("（二）机关运行经费：2026年长沙市信访局机关运行经费122.98万元，比上年预算增加7.20万元。"));
        Section functions = tree.sections().get(1);
        assertThat(functions.heading()).isEqualTo("（一）主要职能");
        assertThat(functions.canonical()).isEqualTo("functions");
        assertThat(functions.firstBlock()).isEqualTo(functions.headingBlock()).isEqualTo(1);
        assertThat(only(tree, "operating_expenses").heading()).isEqualTo("（二）机关运行经费");
    }

    @Test
    void longNumberedSentencesAreNotHeadings() {
        SectionTree tree = outline(
                p("五、一般公共预算财政拨款支出决算情况说明"),
                p("1.社会保障和就业（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）:支出决算为188.16万元。"),
                p("2.因公出国（境）经费支出0万元，完成预算0%。全年安排因公出国（境）团组0次。"),
                p("3.组织拟订全市医疗保险、生育保险、医疗救助等医疗保障的地方性法规草案和政策并组织实施"));
        assertThat(headings(tree)).containsExactly("五、一般公共预算财政拨款支出决算情况说明");
    }

    @Test
    void aNumberedListOfSentencesHasNoHeadingsEvenWhereAnItemIsShort() {
        SectionTree tree = outline(
                p("一、部门职能职责"),
                p("（一）拟制全县医疗保险、生育保险、医疗救助等医疗保障制度的政策、规划和标准并组织实施。"),
                p("（二）组织拟制全县医疗保障筹资和待遇政策，完善动态调整和区域调剂平衡机制。"),
                p("（三）完成县委、县政府交办的其他任务。"),
                p("二、机构设置"));
        assertThat(headings(tree)).containsExactly("一、部门职能职责", "二、机构设置");
    }

    @Test
    void glossaryEntriesAreNotHeadingsAndTheGlossaryIsItsOwnScope() {
        SectionTree tree = outline(
                p("第三部分 名词解释"),
                p("1.年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"),
                p("2.财政拨款收入：指单位从同级财政部门取得的财政预算资金。"),
                p("（一）“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"),
                p("第四部分 附件"));
        assertThat(headings(tree)).containsExactly("第三部分 名词解释", "第四部分 附件");
        assertThat(tree.scopeOf(3)).isEqualTo(Scope.GLOSSARY);
        assertThat(tree.withCanonical("three_public")).isEmpty();
    }

    @Test
    void unnumberedGlossaryTakesTheLevelOfTheTopHeadingsAroundIt() {
        SectionTree tree = outline(
                p("一、部门主要职能"), p("上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门。"),
                bold("名词解释"), p("（一）财政拨款收入：是区级预算主管部门本年度从本级财政部门取得的财政拨款。"),
                p("四、部门预算编制说明"), p("2026年，上海市普陀区司法局收入预算9628.22万元。"));
        assertThat(headings(tree)).containsExactly("一、部门主要职能", "名词解释", "四、部门预算编制说明");
        assertThat(tree.scopeOf(3)).isEqualTo(Scope.GLOSSARY);
        assertThat(tree.scopeOf(5)).isEqualTo(Scope.MAIN);
    }

    @Test
    void tableTitlesAndRowsInTheTablesPartAreNotHeadings() {
        SectionTree tree = outline(
                p("第二部分 2023年部门决算表"),
                bold("财政拨款收支决算总表"), p("公开04表"), p("单位：万元"),
                p("一、一般公共预算财政拨款收入"), p("二、政府性基金预算财政拨款收入"),
                bold("一般公共预算财政拨款基本支出决算表"),
                p("第三部分 2023年度部门决算情况说明"),
                p("六、一般公共预算财政拨款基本支出决算情况说明"), p("2023年度基本支出242.91万元。"));
        assertThat(headings(tree)).containsExactly("第二部分 2023年部门决算表", "第三部分 2023年度部门决算情况说明",
                "六、一般公共预算财政拨款基本支出决算情况说明");
        assertThat(tree.canonicalPathOf(4)).containsExactly("tables_part");
    }

    @Test
    void aTableLabelAfterTheGlossaryOpensTheTablesPart() {
        SectionTree tree = outline(
                p("六、专业性名词解释"), p("（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款。"),
                bold("表一"), bold("2026年单位收支总体情况表"), p("合计45,369.18合计45,369.18"));
        assertThat(tree.scopeOf(4)).isEqualTo(Scope.MAIN);
        assertThat(tree.canonicalPathOf(4)).containsExactly("tables_part");
    }

    @Test
    void figureCaptionsAndBoldColumnLabelsAreNotHeadings() {
        SectionTree tree = outline(
                p("二、收入预算情况说明"), p("2026年收入预算29956.27万元。"),
                bold("图1：收入预算"),
                bold("预算支出总额"), p("1,234.56 789.00"),
                p("三、支出预算情况说明"), p("2026年支出预算29956.27万元。"));
        assertThat(headings(tree)).containsExactly("二、收入预算情况说明", "三、支出预算情况说明");
    }

    @Test
    void boldUnnumberedSectionNamesAreHeadings() {
        SectionTree tree = outline(
                bold("上海市普陀区司法局主要职能"), p("上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是："),
                bold("其他相关情况说明"),
                p("一、2026年“三公”经费预算情况说明"), p("2026年“三公”经费预算数为10.81万元，与2025年预算持平。"));
        assertThat(tree.sections()).extracting(Section::canonical).containsExactly("functions", "other_matters", "three_public");
    }

    @Test
    void wordHeadingStylesGiveTheirLevels() {
        SectionTree tree = outline(
                h(1, "第一部分部门概况"), h(2, "一、基本职能及主要工作"), p("组织拟定全县医疗保险的规范性文件。"),
                h(3, "（2）项目预算管理"), p("保障基本医疗顺利实施。"));
        assertThat(tree.sections()).extracting(Section::level).containsExactly(1, 2, 3);
    }

    @Test
    void tableOfContentsIsSkippedUpToWhereItsEntriesComeRoundAgain() {
        SectionTree tree = outline(
                bold("长沙市信访局"), bold("目录"),
                bold("第一部分 2026年部门预算说明"), p("一、部门基本概况"), p("二、部门收支总体情况"), p("七、名词解释"),
                bold("第二部分 2026年部门预算表"), p("1、部门收支总表"), p("2、部门收入总表"),
                p("注：以上部门预算报表中，空表表示本部门无相关收支情况"),
                bold("第一部分 部门预算公开说明"), bold("一、部门基本概况"),
                p("长沙市信访局由市委工作机构调整为市政府工作部门，负责全市信访工作。"),
                bold("二、部门收支总体情况"), p("2026年本单位收入预算1935.36万元。"));
        assertThat(headings(tree)).containsExactly("第一部分 部门预算公开说明", "一、部门基本概况", "二、部门收支总体情况");
        assertThat(tree.withCanonical("tables_part")).isEmpty();
    }

    @Test
    void dotLeaderEntriesAreNeverHeadings() {
        SectionTree tree = outline(
                p("目 录"),
                p("一、部门主要职能……………………………………3"), p("二、部门机构设置……………………………4"),
                p("三、名词解释………………………………………5"),
                bold("上海市普陀区司法局主要职能"), p("上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是："));
        assertThat(headings(tree)).containsExactly("上海市普陀区司法局主要职能");
    }

    @Test
    void aPartNumberOnItsOwnLineTakesTheWordsBelowIt() {
        SectionTree tree = outline(
                bold("第二部分"), bold("2026年度"), bold("苏州市应急管理局"), bold("部门预算表"), p("公开01表"),
                p("一、一般公共服务支出"), p("二、外交支出"),
                bold("第三部分"), bold("2026年度部门预算情况说明"),
                p("一、收支预算总体情况说明"), p("2026年度收入总预算15503.81万元。"));
        assertThat(headings(tree)).containsExactly("第二部分2026年度苏州市应急管理局部门预算表", "第三部分2026年度部门预算情况说明",
                "一、收支预算总体情况说明");
        assertThat(tree.sections().get(0).firstBlock()).isEqualTo(4);
        assertThat(tree.sections()).extracting(Section::canonical).containsExactly("tables_part", "explanation_part", "totals");
    }

    @Test
    void appendedReportIsAnAppendixEvenWithoutAnAttachmentPart() {
        SectionTree tree = outline(
                p("第二部分 2024年度部门决算情况说明"),
                p("一、收入支出决算总体情况说明"), p("2024年度收、支总计2280.29万元。"),
                p("第3部分 名词解释"), p("1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。"),
                p("2024年度广元市医疗保障局整体支出"), bold("绩效自评报告"),
                p("一、部门（单位）概况"), p("我局2024年决算收入2280.29万元。"));
        Section report = tree.sections().get(3);
        assertThat(report.heading()).isEqualTo("2024年度广元市医疗保障局整体支出绩效自评报告");
        assertThat(report.headingBlock()).isEqualTo(5);
        assertThat(report.scope()).isEqualTo(Scope.APPENDIX);
        assertThat(tree.scopeOf(4)).isEqualTo(Scope.GLOSSARY);
        assertThat(tree.scopeOf(8)).isEqualTo(Scope.APPENDIX);
        assertThat(tree.scopeOf(2)).isEqualTo(Scope.MAIN);
    }

    @Test
    void attachmentPartAndEverythingAfterItIsAppendix() {
        SectionTree tree = outline(
                p("十一、其他重要事项的情况说明"), p("（一）机关运行经费支出情况"), p("机关运行经费支出117.2万元。"),
                bold("附件"), bold("2023年度部门整体支出绩效评价报告"), bold("蓝山县医疗保障局整体支出绩效评价报告"),
                p("一、部门（单位）概况"), p("本年收入合计10805.3万元。"));
        assertThat(tree.scopeOf(2)).isEqualTo(Scope.MAIN);
        assertThat(tree.scopeOf(3)).isEqualTo(Scope.APPENDIX);
        assertThat(tree.scopeOf(7)).isEqualTo(Scope.APPENDIX);
        assertThat(tree.pathOf(7)).isEqualTo("2023年度部门整体支出绩效评价报告 > 一、部门（单位）概况");
    }

    @Test
    void standAloneSelfEvaluationIsMainThroughout() {
        SectionTree tree = outline(
                p("附件1"),
                p("子洲县2023年度部门（单位）整体支出绩效自评报告"),
                p("部门(单位)名称:子洲县医疗保障局"),
                p("一、整体支出绩效自评表"), p("本次整体绩效自评满分100分，自评得分为95分。"),
                p("三、评价报告(文字部分)"), p("（一）部门（单位）概况"), p("2023年总收入为2903.8592万元。"),
                p("2023年县级项目支出绩效自评报告"), p("项目资金全部支付到位，确保资金专款专用。"));
        assertThat(tree.sections()).extracting(Section::scope).containsOnly(Scope.MAIN);
        assertThat(tree.sections().get(0).heading()).isEqualTo("子洲县2023年度部门（单位）整体支出绩效自评报告");
        assertThat(tree.withCanonical("appendix")).isEmpty();
    }

    @Test
    void blocksBeforeAnyHeadingAreMainWithAnEmptyPath() {
        SectionTree tree = outline(p("邻水县医疗保障局"), p("2022年度部门决算"), p("第一部分 部门概况"), p("正文。"));
        assertThat(tree.innermost(1)).isEmpty();
        assertThat(tree.pathOf(1)).isEmpty();
        assertThat(tree.scopeOf(1)).isEqualTo(Scope.MAIN);
        assertThat(tree.canonicalPathOf(1)).isEmpty();
        assertThat(tree.canonicalPathOf(3)).containsExactly("overview");
    }

    @Test
    void aDocumentWithoutBlocksHasNoSections() {
        assertThat(outline().sections()).isEmpty();
    }

    @Test
    void contentsWithoutATitleLineOpenNoSections() {
        // a narrative volume whose first page lists its headings (no 目录 line, no dot leaders)
        SectionTree tree = outline(
                p("第一部分2026年度部门预算情况说明"), p("一、部门情况说明"), p("二、收入预算情况说明"),
                p("三、支出预算情况说明"), p("第二部分2026年度部门预算报表"), p("一、收支总表"), p("二、收入总表"),
                p("一、部门情况说明"), p("北京市气象局属于公益性事业单位。"),
                p("二、收入预算情况说明"), p("2026年度收入预算30775.65万元。"));
        assertThat(tree.sections()).extracting(Section::canonical).containsExactly("overview", "income");
        assertThat(only(tree, "income").firstBlock()).isEqualTo(10);
    }

    @Test
    void headingsFollowedByTheirTextAreNoContents() {
        SectionTree tree = outline(
                p("一、部门情况说明"), p("北京市气象局属于公益性事业单位。"),
                p("二、收入预算情况说明"), p("2026年度收入预算30775.65万元。"));
        assertThat(tree.sections()).extracting(Section::canonical).containsExactly("overview", "income");
    }
}
