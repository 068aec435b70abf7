package org.disclosure.extractor.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The variants grammars/department_names.yaml joins, and the ones it keeps apart. */
class NameVariantsTest {

    private final NameVariants variants = NameVariants.standard();

    private void same(String a, String b) {
        assertThat(variants.normalise(a)).as(a + " and " + b).isEqualTo(variants.normalise(b));
    }

    private void apart(String a, String b) {
        assertThat(variants.normalise(a)).as(a + " and " + b).isNotEqualTo(variants.normalise(b));
    }

    @Test
    void variantsOfOneNameComeOutEqual() {
        same("苏州市自然资源和规划局（本级）", "苏州市自然资源和规划局");
        same("福州市民政局(本级)", "福州市民政局");
        same("深圳市统计局本级", "深圳市统计局");
        same("江苏省 人民检察院", "江苏省人民检察院");
        same("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅");
        same("中共江苏省委办公厅", "江苏省委办公厅");
        same("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅");
        same("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅");
        same("北京市教育委员会", "北京市教委");
        same("广州市卫生健康委员会", "广州市卫健委");
        same("上海市普陀区商务委员会", "上海市普陀区商务委");
        same("江苏省委办公厅", "江苏省委办公室");
        same("江苏省高级人民法院", "江苏省法院");
        same("江苏省高院", "江苏省高级人民法院");
        same("西安市人民政府办公厅", "西安市政府办公室");
    }

    @Test
    void differentDepartmentsStayApart() {
        apart("福州市公安局", "福州市公安局交通管理支队");
        apart("南京市中级人民法院", "南京市人民法院");
        apart("上海市普陀区财政局", "上海市普陀区商务委员会");
    }

    @Test
    void theScopeIsReadFromTheStatementOfTheKind() {
        assertThat(variants.scope("2025年区级单位预算")).isEqualTo(NameVariants.UNIT);
        assertThat(variants.scope("2026年度泉州市公安局（本级）单位预算")).isEqualTo(NameVariants.UNIT);
        assertThat(variants.scope("2025年区级部门预算")).isEqualTo(NameVariants.DEPARTMENT);
        assertThat(variants.scope("2022年度部门决算")).isEqualTo(NameVariants.DEPARTMENT);
        assertThat(variants.scope("收支预算总表")).isEqualTo(NameVariants.UNSTATED);
        assertThat(variants.scope(null)).isEqualTo(NameVariants.UNSTATED);
    }

    @Test
    void renamesAreReadAsReportsWriteThem() {
        assertThat(variants.renames("2019年，原江苏省水利厅更名为江苏省水务厅。"))
                .extracting(NameVariants.Rename::oldName, NameVariants.Rename::newName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("江苏省水利厅", "江苏省水务厅"));
        assertThat(variants.renames("烟台市文化和旅游局由原烟台市文化广电新闻出版局更名而来，主要职责是……"))
                .extracting(NameVariants.Rename::oldName, NameVariants.Rename::newName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("烟台市文化广电新闻出版局", "烟台市文化和旅游局"));
        assertThat(variants.renames("组建烟台市文化和旅游局，不再保留烟台市文化广电新闻出版局。"))
                .extracting(NameVariants.Rename::oldName, NameVariants.Rename::newName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("烟台市文化广电新闻出版局", "烟台市文化和旅游局"));
        assertThat(variants.renames("本年基本支出100万元。")).isEmpty();
    }
}
