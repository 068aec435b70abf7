package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.OcrReading;
import org.junit.jupiter.api.Test;

/** Identity on short documents written the ways reports are: variants of titles, bodies without titles, non-reports. */
class IdentityExtractorTest {

    private final IdentityExtractor extractor = new IdentityExtractor();

    private static Document doc(String... paragraphs) {
        List<Block> blocks = Arrays.stream(paragraphs).map(p -> Block.paragraph(p, 1, false)).toList();
        return Document.of("t.txt", "txt", null, null, blocks);
    }

    private Map<String, Object> identity(String... paragraphs) {
        return extractor.extract(doc(paragraphs)).fields().stream()
                .collect(Collectors.toMap(FieldValue::key, FieldValue::value));
    }

    @Test
    void aYearIsNeverTheTailOfALongerNumber() {
        // OCR of a title in large type: 2026年 read as 20256年; no year is better than the year 256 or 2025
        assertThat(identity("长沙市信访局20256年部门预算公开")).containsEntry("doc.kind", "budget")
                .doesNotContainKey("doc.fiscal_year");
        assertThat(identity("长沙市信访局2026年部门预算公开")).containsEntry("doc.fiscal_year", 2026);
    }

    @Test
    void titleWithNameYearAndKind() {
        assertThat(identity("上海市普陀区财政局", "2024年度部门决算", "目录"))
                .containsEntry("doc.department", "上海市普陀区财政局")
                .containsEntry("doc.fiscal_year", 2024)
                .containsEntry("doc.kind", "final_accounts");
        assertThat(identity("江苏省委办公厅2017年度部门预算", "第一部分 部门概况", "省委办公厅是省委的办事机构。"))
                .containsEntry("doc.department", "江苏省委办公厅")
                .containsEntry("doc.fiscal_year", 2017)
                .containsEntry("doc.kind", "budget");
    }

    @Test
    void labelledDepartmentBeatsAPlaceOnlyTitle() {
        assertThat(identity("上海市普陀区2026年区级部门预算", "预算主管部门：上海市普陀区司法局"))
                .containsEntry("doc.department", "上海市普陀区司法局")
                .containsEntry("doc.fiscal_year", 2026)
                .containsEntry("doc.kind", "budget");
    }

    @Test
    void reportWithoutTitleNamesItselfInTheBody() {
        Map<String, Object> id = identity("（一）主要职能。",
                "攀枝花市医疗保障局（以下简称“市医保局”）下属事业单位2个。",
                "纳入市医保局2021年度部门决算编制范围的二级预算单位为攀枝花市医疗保障信息中心。",
                "2021年度收、支总计645.55万元。");
        assertThat(id).containsEntry("doc.department", "攀枝花市医疗保障局")
                .containsEntry("doc.fiscal_year", 2021)
                .containsEntry("doc.kind", "final_accounts");
    }

    @Test
    void aTitleWithoutItsPlaceTakesTheFullNameTheBodyGives() {
        Map<String, Object> id = identity("管理中心单位预算", "2026年度",
                "第一部分 单位概况", "一、主要职能",
                "南平市公安局文职人员管理中心的主要职责是：做好文职人员队伍管理工作。",
                "二、单位构成", "南平市公安局文职人员管理中心包括0个下属单位。",
                "2026年，南平市公安局文职人员管理中心主要任务是：做好队伍管理工作。",
                "按照综合预算的原则，南平市公安局和南平市公安局文职人员管理中心所有收入均纳入预算管理。");
        assertThat(id).containsEntry("doc.department", "南平市公安局文职人员管理中心");
    }

    @Test
    void partHeadingNamesTheDepartment() {
        assertThat(identity("第一部分 蓝山县医疗保障局部门概况", "第二部分 2023年部门决算表"))
                .containsEntry("doc.department", "蓝山县医疗保障局")
                .containsEntry("doc.fiscal_year", 2023);
    }

    @Test
    void standAloneSelfEvaluation() {
        assertThat(identity("子洲县2023年度部门（单位）整体支出绩效自评报告", "部门(单位)名称:子洲县医疗保障局",
                "丁海鸿书记子洲县医疗保障局"))
                .containsEntry("doc.department", "子洲县医疗保障局")
                .containsEntry("doc.fiscal_year", 2023)
                .containsEntry("doc.kind", "performance_evaluation");
    }

    @Test
    void templateGetsNoNameAndNoYear() {
        IdentityExtractor.Identity id = extractor.extract(doc("上海市XX局", "2024年度部门决算",
                "第一部分 上海市XX局概况", "收入总计XXX万元，比2023年度增加（减少）XXX万元。", "XX中心"));
        assertThat(id.reason()).startsWith("template");
        assertThat(id.fields()).extracting(FieldValue::key).containsExactly("doc.kind");
    }

    @Test
    void checklistIsNotAReport() {
        IdentityExtractor.Identity id = extractor.extract(doc("2026年度普陀区部门预算公开情况检查表",
                "部门名称:上海市普陀区司法局"));
        assertThat(id.reason()).startsWith("not-a-report");
        assertThat(id.fields()).isEmpty();
    }

    @Test
    void documentThatNamesNoReportIsNotAReport() {
        IdentityExtractor.Identity id = extractor.extract(doc("关于做好春节期间安全生产工作的意见", "各单位要高度重视。"));
        assertThat(id.reason()).startsWith("not-a-report");
        assertThat(id.fields()).isEmpty();
    }

    @Test
    void provenancePointsAtTheNumber() {
        FieldValue year = extractor.extract(doc("第二部分 2022年度部门决算情况说明")).fields().stream()
                .filter(f -> f.key().equals("doc.fiscal_year")).findFirst().orElseThrow();
        Provenance p = year.provenance();
        assertThat(p.text().substring(p.spanStart(), p.spanEnd())).isEqualTo("2022");
        assertThat(p.rule()).isEqualTo("doc.fiscal_year/title");
    }

    private static Block tableOf(String... rows) {
        List<List<org.disclosure.extractor.ingest.Cell>> grid = Arrays.stream(rows)
                .map(r -> Arrays.stream(r.split("\\|", -1)).map(org.disclosure.extractor.ingest.Cell::of).toList())
                .toList();
        return Block.table(new org.disclosure.extractor.ingest.Table(grid), 1);
    }

    private Map<String, Object> identityOf(Document d) {
        return extractor.extract(d).fields().stream().collect(Collectors.toMap(FieldValue::key, FieldValue::value));
    }

    @Test
    void aVolumeOfStandardTablesAloneIsABudget() {
        // no 部门预算 anywhere: the tables' labels and titles, the year line and the 部门名称 header say it all
        Document d = Document.of("t.pdf", "pdf", 3, null, List.of(
                Block.paragraph("预算01表收支总表", 1, true), Block.paragraph("金额单位：万元", 1, false),
                tableOf("项目|预算数|项目|预算数", "一、一般公共预算拨款收入|100.00|一、一般公共服务支出|100.00"),
                Block.paragraph("预算02表", 2, true), Block.paragraph("收入总表", 2, true),
                tableOf("项目|合计|一般公共预算拨款收入", "合计|100.00|100.00"),
                Block.paragraph("预算13表部门整体支出绩效目标表", 3, true), Block.paragraph("（2026年度）", 3, false),
                tableOf("部门名称|北京市气象局", "整体绩效目标|做好2015年以来的气象服务工作")));
        assertThat(identityOf(d)).containsEntry("doc.kind", "budget").containsEntry("doc.fiscal_year", 2026)
                .containsEntry("doc.department", "北京市气象局");
    }

    @Test
    void aNameMisreadByOcrInTheTitleIsTakenAsTheBodyWritesIt() {
        List<Block> blocks = List.of(
                Block.paragraph("北京市梧法局", 1, true), Block.paragraph("20256年度部门预算信息公开", 1, true),
                Block.paragraph("第一部分2026年度部门预算情况说明", 2, true),
                Block.paragraph("北京市司法局是主管全市司法行政工作的市政府组成部门。", 2, false),
                Block.paragraph("2026年北京市司法局机关运行经费财政拨款预算1,326.71万元。", 3, false));
        Document scanned = Document.of("t.pdf", "pdf", 3, null, blocks)
                .withOcr(new OcrReading("tesseract 5.3.0 chi_sim", 300, List.of(1, 2, 3), 91.0, null));
        assertThat(identityOf(scanned)).containsEntry("doc.department", "北京市司法局")
                .containsEntry("doc.fiscal_year", 2026).containsEntry("doc.kind", "budget");
        // the same words in the PDF's own text are the report's own: nothing is changed
        Document typed = Document.of("t.pdf", "pdf", 3, null, blocks);
        assertThat(identityOf(typed)).containsEntry("doc.department", "北京市梧法局");
    }

    @Test
    void aVolumeOfFinalAccountTablesIsFinalAccounts() {
        Document d = Document.of("t.pdf", "pdf", 2, null, List.of(
                Block.paragraph("公开01表", 1, true), Block.paragraph("收入支出决算总表", 1, true),
                Block.paragraph("部门：某县医疗保障局 单位：万元", 1, false),
                tableOf("项目|决算数|项目|决算数", "一、一般公共预算财政拨款收入|10.00|一、一般公共服务支出|10.00"),
                Block.paragraph("公开02表", 2, true), Block.paragraph("收入决算表", 2, true),
                tableOf("项目|本年收入合计", "合计|10.00")));
        assertThat(identityOf(d)).containsEntry("doc.kind", "final_accounts");
    }

    @Test
    void staleMetadataAndAPassingYearDoNotOutweighTheTitle() {
        Document d = Document.of("t.pdf", "pdf", 2, "江苏省政协办公厅2015年度部门预算", List.of(
                Block.paragraph("江苏省政协办公厅2018年度", 1, true), Block.paragraph("部门预算公开", 1, true),
                Block.paragraph("一、主要职能", 2, true),
                Block.paragraph("2015年以来，省政协办公厅按照2015年度部署持续推进各项工作，2015年完成换届。", 2, false)));
        assertThat(identityOf(d)).containsEntry("doc.fiscal_year", 2018).containsEntry("doc.kind", "budget")
                .containsEntry("doc.department", "江苏省政协办公厅");
    }

    @Test
    void aTitleWrappedOverLinesGivesTheWholeName() {
        assertThat(identity("2026年烟台市人民政府办公室部", "门预算", "目录", "第一部分部门概况"))
                .containsEntry("doc.department", "烟台市人民政府办公室");
        assertThat(identity("2026年度", "福州市公安局治安管理", "支队", "单位预算", "目录",
                "主管部门：福州市公安局", "福州市公安局治安管理支队的主要职责是：维护治安。"))
                .containsEntry("doc.department", "福州市公安局治安管理支队");
    }

    @Test
    void aUnitBudgetNamesItsUnitNotTheParentItMentions() {
        Document d = Document.of("t.pdf", "pdf", 2, null, List.of(
                Block.paragraph("上海市2026年市级单位预算", 1, true), Block.paragraph("预算单位：上海市海洋监测预报中心", 1, true),
                Block.paragraph("上海市海洋监测预报中心是上海市水务局下属的公益一类事业单位。", 2, false),
                tableOf("项目名称|海洋观测|主管部门|上海市水务局|实施单位|上海市海洋监测预报中心"),
                tableOf("项目名称|预报系统|主管部门|上海市水务局|实施单位|上海市海洋监测预报中心"),
                tableOf("项目名称|监测站点|主管部门|上海市水务局|实施单位|上海市海洋监测预报中心")));
        assertThat(identityOf(d)).containsEntry("doc.department", "上海市海洋监测预报中心");
    }

    @Test
    void aUnitTheDepartmentManagesIsNotTheDepartment() {
        assertThat(identity("第一部分2026年度部门预算情况说明", "一、部门情况说明",
                "北京市气象局属于公益性事业单位，职责是制定地方气象事业发展规划。",
                "北京市气象局设11个内设机构，1个代管事业单位：北京市人工影响天气中心；",
                "下属事业单位包括：北京市气象台、北京市气候中心。",
                "北京市气象局2026年度收入预算30775.65万元。"))
                .containsEntry("doc.department", "北京市气象局")
                .containsEntry("doc.fiscal_year", 2026);
    }

    @Test
    void performanceTargetFormsAndProjectEvaluationsAreNotReports() {
        for (String title : List.of("广州市生态环境局2026年部门整体预算绩效目标申报表", "项目支出绩效目标表（含转移支付项目）",
                "长沙市财政项目支出绩效评价报告")) {
            IdentityExtractor.Identity id = extractor.extract(doc(title, "部门名称：广州市生态环境局",
                    "2026年部门预算安排该项目100万元。"));
            assertThat(id.reason()).as(title).startsWith("not-a-report: " + title);
        }
        // a report whose contents list such a form further on is still a report
        assertThat(identity("北京市商务局2026年度部门预算", "目录", "十二、项目支出绩效目标表"))
                .containsEntry("doc.kind", "budget");
    }

    @Test
    void aContentsEntryNamingAFormIsNoTitle() {
        // a report whose first page (its cover and title) is lost: the contents' tail comes first
        assertThat(identity("十二、项目支出绩效目标表", "十三、部门整体支出绩效目标表", "一、部门情况说明",
                "北京市统计局2026年度部门预算收入12.5万元。"))
                .containsEntry("doc.kind", "budget");
    }

    @Test
    void columnHeadsComparingTwoYearsStateTheLater() {
        Document d = Document.of("t.pdf", "pdf", 2, null, List.of(
                Block.paragraph("一般公共预算支出表", 1, true),
                tableOf("功能分类科目|2025年预算数|2026年预算数", "合计|10.00|12.00"),
                Block.paragraph("政府性基金预算支出表", 2, true),
                tableOf("功能分类科目|2025年预算数|2026年预算数", "合计|0|0"),
                Block.paragraph("部门名称：重庆市规划和自然资源局", 2, false)));
        assertThat(identityOf(d)).containsEntry("doc.fiscal_year", 2026).containsEntry("doc.kind", "budget");
    }

    @Test
    void withoutItsCoverAReportIsNamedByTheSubjectOfItsSentences() {
        assertThat(identity("一、主要职能",
                "（八）积极完成全国人大常委会委托或交办的立法调研、执法检查等各项任务。",
                "（十）接待全国人大常委会邀请来苏访问的外国国家议会代表团。",
                "江苏省人大常委会办公厅2019年度部门预算收入、支出总计1000万元。",
                "江苏省人大常委会办公厅本年收入预算合计1000万元，其中：财政拨款1000万元。",
                "江苏省人大常委会办公厅本年支出预算合计1000万元。",
                "本表反映江苏省人大常委会办公厅年度总体收支预算情况。"))
                .containsEntry("doc.department", "江苏省人大常委会办公厅")
                .containsEntry("doc.fiscal_year", 2019);
    }
}
