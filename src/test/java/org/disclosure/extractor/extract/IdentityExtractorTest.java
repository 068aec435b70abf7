package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
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
}
