package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosure.extractor.extract.IdentityExtractor.Line;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.junit.jupiter.api.Test;

/**
 * Where a department is, from names and sentences written the ways reports write them: the place its name opens
 * with, the report's text where the name does not say it, nothing for a central department or a name that only
 * looks like a place.
 */
class RegionsTest {

    /** The region fields of a report by the department named, whose text is the paragraphs. */
    private static List<FieldValue> regionOf(String department, String... paragraphs) {
        List<String> all = new ArrayList<>(List.of(department));
        all.addAll(Arrays.asList(paragraphs));
        List<Block> blocks = all.stream().map(p -> Block.paragraph(p, 1, false)).toList();
        Document doc = Document.of("t.txt", "txt", null, null, blocks);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            lines.add(new Line(blocks.get(i).text(), blocks.get(i), i));
        }
        FieldValue name = IdentityExtractor.field(doc, "doc.department", department, lines.get(0), 0, department.length(),
                "doc.department/title");
        return Regions.standard().find(doc, lines, name);
    }

    private static Map<String, Object> region(String department, String... paragraphs) {
        return regionOf(department, paragraphs).stream().collect(Collectors.toMap(f -> f.key().substring("doc.region.".length()), FieldValue::value));
    }

    @Test
    void aProvincesDepartment() {
        assertThat(region("江苏省高级人民法院")).containsExactlyInAnyOrderEntriesOf(Map.of("province", "江苏省", "code", "320000"));
        assertThat(region("中共江苏省委办公厅")).containsEntry("province", "江苏省").containsEntry("code", "320000");
        assertThat(region("中国人民政治协商会议江苏省委员会办公厅")).containsEntry("code", "320000");
        assertThat(region("中国（上海）自由贸易试验区管理委员会", "中国（上海）自由贸易试验区位于上海市浦东新区。"))
                .containsEntry("province", "上海市").containsEntry("code", "310000");
        assertThat(region("广西壮族自治区财政厅")).containsEntry("province", "广西壮族自治区").containsEntry("code", "450000");
    }

    @Test
    void aCitysDepartmentHasItsProvinceFromTheDivisionTable() {
        assertThat(region("福州市公安局交通管理支队"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "福建省", "city", "福州市", "code", "350100"));
        assertThat(region("延边朝鲜族自治州财政局")).containsEntry("province", "吉林省").containsEntry("code", "222400");
        // a city bureau's branch in a district is the city's (福州市鼓楼生态环境局: 鼓楼 is no full name)
        assertThat(region("福州市鼓楼生态环境局")).containsEntry("code", "350100").doesNotContainKey("county");
    }

    @Test
    void aDistrictOfAMunicipalityHasNoCity() {
        assertThat(region("上海市普陀区财政局"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "上海市", "county", "普陀区", "code", "310107"));
        assertThat(region("北京市朝阳区教育委员会")).containsEntry("code", "110105").doesNotContainKey("city");
        assertThat(region("重庆市城口县财政局")).containsEntry("code", "500229").doesNotContainKey("city");
    }

    @Test
    void aCountyLevelCityLiesInItsCity() {
        assertThat(region("昆山市财政局"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "江苏省", "city", "苏州市", "county", "昆山市", "code", "320583"));
        // directly under its province: no city
        assertThat(region("仙桃市教育局")).containsEntry("province", "湖北省").containsEntry("code", "429004").doesNotContainKey("city");
    }

    @Test
    void centralDepartmentsHaveNoRegionWhateverTheirTextSays() {
        assertThat(region("国家信访局", "国家信访局地址：北京市西城区月坛南街。")).isEmpty();
        assertThat(region("中共中央办公厅", "北京市")).isEmpty();
        assertThat(region("国务院办公厅")).isEmpty();
        assertThat(region("最高人民法院")).isEmpty();
        assertThat(region("中国气象局", "中国气象局位于北京市海淀区。")).isEmpty();
    }

    @Test
    void namesThatOnlyLookLikePlacesHaveNone() {
        assertThat(region("中山大学", "中山大学位于广东省广州市，在珠海市、深圳市设有校区；中山市。")).isEmpty();
        assertThat(region("黄河水利委员会", "黄河水利委员会位于河南省郑州市。")).isEmpty();
        assertThat(region("长江水利委员会", "长江水利委员会位于湖北省武汉市。")).isEmpty();
        assertThat(region("人民日报社")).isEmpty();
        assertThat(region("新华通讯社", "新华区")).isEmpty();
        assertThat(region("南京大学", "南京大学位于江苏省南京市。")).isEmpty();
    }

    @Test
    void aShortFormOpeningTheNameIsThePlaceTheReportNamesInFull() {
        assertThat(region("上海水产老干部活动室", "上海市水务局（上海市海洋局）所属单位。"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "上海市", "code", "310000"));
        assertThat(region("长沙职业教育基地综合协调办公室", "长沙市教育局下属单位。")).containsEntry("code", "430100");
        assertThat(region("上海水产老干部活动室", "本单位是老干部活动场所。")).isEmpty();
    }

    @Test
    void aCountyNamedAloneTakesItsProvinceFromTheReport() {
        List<FieldValue> fields = regionOf("普陀区财政局", "上海市普陀区2026年区级部门预算");
        Map<String, Object> values = fields.stream().collect(Collectors.toMap(FieldValue::key, FieldValue::value));
        assertThat(values).containsEntry("doc.region.province", "上海市").containsEntry("doc.region.code", "310107")
                .doesNotContainKey("doc.region.city");
        FieldValue province = fields.stream().filter(f -> f.key().equals("doc.region.province")).findFirst().orElseThrow();
        assertThat(province.provenance().rule()).isEqualTo("doc.region.province/report-text");
        assertThat(province.provenance().text()).isEqualTo("上海市普陀区2026年区级部门预算");
        assertThat(province.provenance().text().substring(province.provenance().spanStart(), province.provenance().spanEnd()))
                .isEqualTo("上海市");

        assertThat(region("普陀区财政局", "舟山市普陀区财政局2026年部门预算")).containsEntry("city", "舟山市").containsEntry("code", "330903");
        assertThat(region("邻水县医疗保障局", "广安市邻水县医疗保障局2022年度部门决算"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "四川省", "city", "广安市", "county", "邻水县", "code", "511623"));
        // a county's name no other county has needs no help
        assertThat(region("邻水县医疗保障局", "本局是县政府工作部门。")).containsEntry("code", "511623");
    }

    @Test
    void countiesSharingANameAreResolvedOnlyByAPlaceTheReportNames() {
        assertThat(region("鼓楼区财政局", "南京市鼓楼区2026年部门预算")).containsEntry("city", "南京市").containsEntry("code", "320106");
        assertThat(region("鼓楼区财政局", "福州市鼓楼区财政局负责全区财政工作。")).containsEntry("code", "350102");
        assertThat(region("鼓楼区财政局", "开封市")).containsEntry("code", "410204");
        assertThat(region("朝阳区教育委员会", "北京市朝阳区")).containsEntry("code", "110105");
        assertThat(region("朝阳区教育委员会", "长春市朝阳区")).containsEntry("code", "220104");
        // nothing says which: only what is sure, the county's name
        assertThat(region("鼓楼区财政局", "本局负责全区财政工作。")).containsExactlyInAnyOrderEntriesOf(Map.of("county", "鼓楼区"));
        assertThat(region("朝阳区教育委员会")).containsExactlyInAnyOrderEntriesOf(Map.of("county", "朝阳区"));
        // two places named as often: no guess
        assertThat(region("鼓楼区财政局", "南京市与福州市")).containsExactlyInAnyOrderEntriesOf(Map.of("county", "鼓楼区"));
    }

    @Test
    void aLevelWordAloneTakesThePlaceOfThatLevelTheReportNames() {
        assertThat(region("省检察院", "江苏省人民检察院2017年部门预算", "江苏检察机关")).containsEntry("province", "江苏省")
                .containsEntry("code", "320000");
        assertThat(region("省检察院", "全省检察机关", "江苏")).containsEntry("code", "320000");
        assertThat(region("市医疗保障局", "攀枝花市医疗保障局（以下简称“市医保局”）")).containsEntry("city", "攀枝花市")
                .containsEntry("code", "510400");
        assertThat(region("区财政局", "上海市普陀区2026年区级部门预算")).containsEntry("county", "普陀区").containsEntry("code", "310107");
        assertThat(region("省检察院", "检察机关")).isEmpty();
        // the 市 of a 直辖市 is the municipality itself
        assertThat(region("市财政局", "上海市财政局2026年部门预算", "上海市普陀区")).containsExactlyInAnyOrderEntriesOf(
                Map.of("province", "上海市", "code", "310000"));
        assertThat(region("市财政局", "本局负责全市财政工作。", "上海市普陀区、上海市静安区")).containsEntry("code", "310000");
        assertThat(region("市财政局", "本局负责全市财政工作。", "江苏省")).isEmpty();
        // 市场 is no level
        assertThat(region("市场监督管理局", "江苏省南京市")).isEmpty();
    }

    @Test
    void aTownshipsUnitBelongsToItsCounty() {
        assertThat(region("上海市普陀区人民政府万里街道办事处"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("province", "上海市", "county", "普陀区", "code", "310107"));
        assertThat(region("万里街道办事处", "上海市普陀区万里街道2024年部门预算")).containsEntry("county", "普陀区")
                .containsEntry("code", "310107");
        assertThat(region("石门镇人民政府", "本镇位于湖南省常德市石门县。")).containsEntry("code", "430726");
    }

    @Test
    void aNameWithoutItsPlaceTakesThePlaceWrittenBeforeItInTheReport() {
        assertThat(region("公安局交通管理支队", "福州市公安局交通管理支队2026年单位预算")).containsEntry("code", "350100");
        assertThat(region("公安局交通管理支队", "公安局交通管理支队2026年单位预算")).isEmpty();
    }

    @Test
    void everyValueSaysWhereItWasRead() {
        List<FieldValue> fields = regionOf("福州市公安局交通管理支队");
        for (FieldValue f : fields) {
            assertThat(f.provenance().text()).isEqualTo("福州市公安局交通管理支队");
            assertThat(f.provenance().text().substring(f.provenance().spanStart(), f.provenance().spanEnd())).isEqualTo("福州市");
        }
        assertThat(fields.stream().map(f -> f.provenance().rule())).containsExactly(
                "doc.region.province/division-table", "doc.region.city/department-name", "doc.region.code/division-table");
        assertThat(fields.stream().filter(f -> f.key().equals("doc.region.code")).findFirst().orElseThrow().value())
                .isInstanceOf(String.class);
    }

    @Test
    void theRecordCarriesTheRegionBesideTheDepartment() {
        IdentityExtractor extractor = new IdentityExtractor();
        Document doc = Document.of("t.txt", "txt", null, null, List.of(Block.paragraph("上海市普陀区财政局", 1, false),
                Block.paragraph("2024年度部门决算", 1, false)));
        Map<String, Object> values = extractor.extract(doc).fields().stream()
                .collect(Collectors.toMap(FieldValue::key, FieldValue::value));
        assertThat(values).containsEntry("doc.department", "上海市普陀区财政局").containsEntry("doc.region.code", "310107");
    }
}
