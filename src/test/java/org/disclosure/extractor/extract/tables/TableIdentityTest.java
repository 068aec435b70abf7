package org.disclosure.extractor.extract.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.ingest.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table titles as reports print them, final accounts and budgets, name the family grammars/tables.yaml gives them. */
class TableIdentityTest {

    private static TableIdentity identity;

    @BeforeAll
    static void load() throws IOException {
        identity = new TableIdentity(TableGrammar.load(Path.of(TableGrammar.FILE)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // 部门决算, 公开01–09表
            "部门收支决算总表, income_expenditure_total",
            "收入支出决算总表, income_expenditure_total",
            "一、收入支出决算总表, income_expenditure_total",
            "2023年度蓝山县医疗保障局部门收支决算总表, income_expenditure_total",
            "部门收入决算表, income",
            "收入决算表, income",
            "部门支出决算表, expenditure",
            "财政拨款收入支出决算总表, appropriation_total",
            "财政拨款收支决算总表, appropriation_total",
            "一般公共预算财政拨款支出决算表, general_budget_expenditure",
            "一般公共预算财政拨款基本支出决算表, basic_expenditure",
            "财政拨款“三公”经费支出决算表, three_public",
            "政府性基金预算财政拨款收入支出决算表, gov_fund",
            "政府性基金预算财政拨款收支决算表, gov_fund",
            "国有资本经营预算财政拨款支出决算表, state_capital",
            "国有资本经营预算财政拨款收入支出决算表, state_capital",
            // 部门预算, several regions
            "2026年预算单位财务收支预算总表, income_expenditure_total",
            "1、部门收支总表, income_expenditure_total",
            "表1.2026年市级部门收支预算总表, income_expenditure_total",
            "2026年部门收支总体情况表, income_expenditure_total",
            "2026年预算单位收入预算总表, income",
            "2、部门收入总表, income",
            "2026年部门收入总体情况表, income",
            "2026年预算单位支出预算总表, expenditure",
            "3、部门支出总表, expenditure",
            "2026年预算单位财政拨款收支预算总表, appropriation_total",
            "4、财政拨款收支总表, appropriation_total",
            "2026年财政拨款收支总体情况表, appropriation_total",
            "2026年预算单位一般公共预算支出功能分类预算表, general_budget_expenditure",
            "5、一般公共预算支出表, general_budget_expenditure",
            "2026年一般公共预算支出情况表, general_budget_expenditure",
            "2026年预算单位一般公共预算基本支出部门预算经济分类预算表, basic_expenditure",
            "6、一般公共预算基本支出表, basic_expenditure",
            "2026年一般公共预算基本支出情况表, basic_expenditure",
            "2026年单位“三公”经费和机关运行经费预算表, three_public",
            "7、一般公共预算“三公”经费支出表, three_public",
            "2026年一般公共预算“三公”经费支出情况表, three_public",
            "8、政府性基金预算支出表, gov_fund",
            "2026年预算单位政府性基金预算支出功能分类预算表, gov_fund",
            "国有资本经营预算支出表, state_capital",
            "2026年预算单位国有资本经营预算支出功能分类预算表, state_capital",
            "预算10表政府采购预算明细表, procurement",
            "十二、政府采购支出预算表, procurement",
            "一般公共预算机关运行经费支出预算表, operating_expenses",
    })
    void titleNamesItsFamily(String title, String family) {
        assertThat(identity.title(title)).as(title).hasValueSatisfying(n -> assertThat(n.family().id()).isEqualTo(family));
    }

    @ParameterizedTest(name = "{0} is no standard table")
    @CsvSource({"基本支出总表", "项目支出总表", "2026年项目支出绩效目标表", "政府购买服务预算表", "部门整体支出绩效目标表"})
    void otherTablesAreNone(String title) {
        assertThat(identity.title(title)).isEmpty();
    }

    @Test
    void aSentenceMentioningATableIsNoTitle() {
        assertThat(identity.title("本表反映部门本年度一般公共预算财政拨款支出情况，详见一般公共预算财政拨款支出决算表，"
                + "其中基本支出242.91万元，项目支出148.46万元。")).isEmpty();
    }

    @Test
    void labelsNameTheFinalAccountsTables() {
        assertThat(identity.label("公开04表")).hasValueSatisfying(n -> assertThat(n.family().id()).isEqualTo("appropriation_total"));
        assertThat(identity.label("部门：蓝山县医疗保障局公开06表"))
                .hasValueSatisfying(n -> assertThat(n.family().id()).isEqualTo("basic_expenditure"));
    }

    @Test
    void unitNotes() {
        assertThat(identity.unit("单位：元")).hasValue("元");
        assertThat(identity.unit("金额单位：万元")).hasValue("万元");
        assertThat(identity.unit("编制单位：上海市中医文献馆单位:元")).hasValue("元");
        assertThat(identity.unit("部门：蓝山县医疗保障局")).isEmpty();
    }

    @Test
    void titleLabelUnitAndNoteRowsAreNotGrid() {
        assertThat(identity.isMetaRow(cells("部门收支决算总表"))).isTrue();
        assertThat(identity.isMetaRow(cells("", "", "", "公开01表"))).isTrue();
        assertThat(identity.isMetaRow(cells("部门：", "蓝山县医疗保障局", "", "单位：万元"))).isTrue();
        assertThat(identity.isMetaRow(cells("注：本表反映部门本年度取得的各项收入情况。"))).isTrue();
        assertThat(identity.isMetaRow(cells("合计", "", "391.37"))).isFalse();
        assertThat(identity.isMetaRow(cells("项目", "本年支出"))).isFalse();
    }

    private static List<Cell> cells(String... texts) {
        return java.util.Arrays.stream(texts).map(Cell::of).toList();
    }
}
