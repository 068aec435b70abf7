package org.disclosure.extractor.extract.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small tables as reports print them, and the line items and fields read from them. */
class StandardTablesTest {

    private static StandardTables tables;

    @BeforeAll
    static void load() throws IOException {
        tables = new StandardTables(TableGrammar.load(Path.of(TableGrammar.FILE)));
    }

    @Test
    void codesSplitOverClassSectionItemAreJoined() {
        Document doc = doc(
                Block.paragraph("一般公共预算财政拨款支出决算表", 1, true),
                table(1,
                        row("科目编码", "", "", "科目名称", "本年支出", "", ""),
                        row("类", "款", "项", "", "合计", "基本支出", "项目支出"),
                        row("合计", "", "", "", "391.37", "242.91", "148.46"),
                        row("201", "", "", "一般公共服务支出", "391.37", "242.91", "148.46"),
                        row("201", "06", "", "财政事务", "391.37", "242.91", "148.46"),
                        row("201", "06", "01", "行政运行", "242.91", "242.91", "")));
        List<LineItem> items = tables.read(doc, "final_accounts").items();
        assertThat(items).extracting(LineItem::rowCode).contains("201", "20106", "2010601");
        assertThat(item(items, "2010601", "本年支出/基本支出").amount()).isEqualByComparingTo("242.91");
        assertThat(item(items, "", "本年支出/合计").rowName()).isEqualTo("合计");
    }

    @Test
    void aCodeInFrontOfTheNameIsSplitOff() {
        Document doc = doc(
                Block.paragraph("一般公共预算支出表", 1, true),
                table(1,
                        row("项目", "合计", "基本支出", "项目支出"),
                        row("2010601 行政运行", "100.00", "100.00", ""),
                        row("50999-其他对个人和家庭的补助", "3.00", "3.00", "")));
        List<LineItem> items = tables.read(doc, "budget").items();
        assertThat(item(items, "2010601", "合计").rowName()).isEqualTo("行政运行");
        assertThat(item(items, "50999", "合计").rowName()).isEqualTo("其他对个人和家庭的补助");
    }

    @Test
    void aNameWrappedOverTwoRowsIsJoined() {
        Document doc = doc(
                Block.paragraph("部门支出决算表", 1, true),
                table(1,
                        row("功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"),
                        row("2080505", "机关事业单位基本养老保险缴", "", "", ""),
                        row("", "费支出", "12.50", "12.50", ""),
                        row("2080506", "机关事业单位职业年金缴费支出", "6.25", "6.25", "")));
        List<LineItem> items = tables.read(doc, "final_accounts").items();
        assertThat(item(items, "2080505", "本年支出合计").rowName()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(items).extracting(LineItem::rowName).doesNotContain("费支出", "机关事业单位基本养老保险缴");
        assertThat(items).hasSize(4);
    }

    @Test
    void aTableContinuedOnTheNextPageIsOneTable() {
        Document doc = doc(
                Block.paragraph("一般公共预算财政拨款基本支出决算表", 1, true),
                Block.paragraph("单位：万元", 1, false),
                table(1,
                        row("经济分类科目编码", "科目名称", "决算数"),
                        row("301", "工资福利支出", "171.90"),
                        row("30101", "基本工资", "46.00")),
                Block.paragraph("续表", 2, false),
                table(2,
                        row("经济分类科目编码", "科目名称", "决算数"),
                        row("30102", "津贴补贴", "25.15"),
                        row("人员经费合计", "", "177.08"),
                        row("公用经费合计", "", "65.83")));
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(reading.items()).extracting(LineItem::table).containsOnly("basic_expenditure");
        assertThat(reading.items()).extracting(LineItem::rowCode).containsExactly("301", "30101", "30102", "", "");
        assertThat(item(reading.items(), "30102", "决算数").page()).isEqualTo(2);
        assertThat(item(reading.items(), "30102", "决算数").title()).isEqualTo("一般公共预算财政拨款基本支出决算表");
        assertThat(amount(reading, "basic.personnel")).isEqualByComparingTo("177.08");
        assertThat(amount(reading, "basic.public")).isEqualByComparingTo("65.83");
    }

    /**
     * 烟台 prints the label (公开表3, its number after 表), title and unit line again on every page of a table: the
     * rows of the next page continue the table, and their 项 codes (02 under 21011) keep the 类 and 款 above.
     */
    @Test
    void aTableWhoseLabelTitleAndUnitArePrintedOnEveryPageIsOneTable() {
        Document doc = doc(
                Block.paragraph("公开表3", 1, false),
                Block.paragraph("支出总体情况表", 1, true),
                Block.paragraph("部门（单位）：烟台市统计局单位：万元", 1, false),
                table(1,
                        row("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"),
                        row("类", "款", "项", "", "", "", ""),
                        row("210", "", "", "卫生健康支出", "52.00", "52.00", ""),
                        row("", "11", "", "行政事业单位医疗", "52.00", "52.00", ""),
                        row("", "", "01", "行政单位医疗", "31.65", "31.65", "")),
                Block.paragraph("公开表3", 2, false),
                Block.paragraph("支出总体情况表", 2, true),
                Block.paragraph("部门（单位）：烟台市统计局单位：万元", 2, false),
                table(2,
                        row("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"),
                        row("类", "款", "项", "", "", "", ""),
                        row("", "", "02", "事业单位医疗", "20.35", "20.35", "")));
        List<LineItem> items = tables.read(doc, "budget").items();
        assertThat(items).extracting(LineItem::rowCode).containsOnly("210", "21011", "2101101", "2101102");
        assertThat(item(items, "2101102", "合计").page()).isEqualTo(2);
    }

    @Test
    void amountsInYuanAreConvertedToWan() {
        Document doc = doc(
                Block.paragraph("2026年预算单位支出预算总表", 1, true),
                Block.paragraph("编制单位：上海市普陀区司法局 单位：元", 1, false),
                table(1,
                        row("项目", "", "", "", "支出预算"),
                        row("功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"),
                        row("类", "款", "项"),
                        row("合计", "", "", "", "96,282,213.44", "25,741,666.44", "70,540,547.00")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "expenditure.total")).isEqualByComparingTo("9628.221344");
        assertThat(amount(reading, "expenditure.basic")).isEqualByComparingTo("2574.1666440");
        assertThat(item(reading.items(), "", "支出预算/项目支出").amount()).isEqualByComparingTo("7054.0547");
    }

    @Test
    void emptyCellsGiveNoAmountAndTheColumnRowAndNotesAreSkipped() {
        Document doc = doc(
                table(1,
                        row("部门收入决算表"),
                        row("", "", "", "公开02表"),
                        row("项目", "", "本年收入合计", "财政拨款收入", "其他收入"),
                        row("功能分类科目编码", "科目名称"),
                        row("栏次", "", "1", "2", "3"),
                        row("合计", "", "391.37", "391.37", ""),
                        row("注：本表反映部门本年度取得的各项收入情况。")));
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(reading.items()).extracting(LineItem::column).containsExactly("本年收入合计", "财政拨款收入");
        assertThat(reading.fields()).extracting(FieldValue::key).containsExactly("income.total", "income.fiscal_appropriation");
    }

    @Test
    void wordHeadersWithoutTheirMergesAreLaidOverTheRightColumns() {
        // as Word tables come through Tika: a merged cell once, cells merged downwards left empty below
        Document doc = threePublicTable("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(reading.items()).extracting(LineItem::column).startsWith(
                "预算数/合计", "预算数/因公出国（境）费", "预算数/公务用车购置及运行费/小计",
                "预算数/公务用车购置及运行费/公务用车购置费", "预算数/公务用车购置及运行费/公务用车运行费",
                "预算数/公务接待费", "决算数/合计");
        assertThat(amount(reading, "three_public.budget")).isEqualByComparingTo("5");
        assertThat(amount(reading, "three_public.actual")).isEqualByComparingTo("3");
        assertThat(amount(reading, "three_public.reception")).isEqualByComparingTo("3");
        assertThat(amount(reading, "three_public.vehicle_purchase")).isEqualByComparingTo("0");
    }

    /**
     * A 三公 table as Word tables come through Tika (a merged cell once, cells merged downwards left empty below),
     * with the given row of column numbers and one row of figures: budget 5 (reception 5), actual 3 (reception 3).
     */
    private static Document threePublicTable(String... columnNumbers) {
        return doc(
                Block.paragraph("财政拨款“三公”经费支出决算表", 1, true),
                table(1,
                        row("预算数", "决算数"),
                        row("合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费",
                                "合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"),
                        row("", "", "小计", "公务用车购置费", "公务用车运行费", "", "",
                                "", "小计", "公务用车购置费", "公务用车运行费", ""),
                        row(columnNumbers),
                        row("5", "0", "0", "0", "0", "5", "3", "0", "0", "0", "0", "3")));
    }

    @Test
    void aRowOfColumnNumbersSmudgedByOcrIsStillNoData() {
        // a scanned 三公 table whose 栏次 row OCR read with stray marks (人4, 1]1) and whose header lost its words
        Document doc = threePublicTable("1", "2", "3", "人4", "5", "6", "7", "8", "9", "10", "1]1", "12");
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(amount(reading, "three_public.budget")).isEqualByComparingTo("5");
        assertThat(amount(reading, "three_public.actual")).isEqualByComparingTo("3");
    }

    @Test
    void sideBySideIncomeAndExpenditureAreReadAsTwoBlocks() {
        Document doc = doc(
                Block.paragraph("收入支出决算总表", 1, true),
                table(1,
                        row("收入", "", "", "支出"),
                        row("项目", "行次", "决算数", "项目", "行次", "决算数"),
                        row("一、一般公共预算财政拨款收入", "1", "2,940.05", "一、一般公共服务支出", "14", "2,106.66"),
                        row("本年收入合计", "9", "2,946.25", "本年支出合计", "22", "2,940.05"),
                        row("总计", "13", "2,995.39", "总计", "26", "2,995.39")));
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(item(reading.items(), "", "收入/决算数").rowName()).isEqualTo("一、一般公共预算财政拨款收入");
        assertThat(reading.items()).filteredOn(i -> i.column().equals("支出/决算数")).extracting(LineItem::rowName)
                .containsExactly("一、一般公共服务支出", "本年支出合计", "总计");
        assertThat(reading.items()).extracting(LineItem::amount).doesNotContain(new BigDecimal("14"));
        assertThat(amount(reading, "income.total")).isEqualByComparingTo("2946.25");
        assertThat(amount(reading, "expenditure.total")).isEqualByComparingTo("2940.05");
        assertThat(field(reading, "totals.grand_total").provenance().rule())
                .isEqualTo("table:income_expenditure_total/totals.grand_total");
        assertThat(reading.alternates()).extracting(FieldValue::key).containsExactly("totals.grand_total");
    }

    /** 深圳's 收支总表 heads its amounts "2026年预算数": the year's own column is read, last year's is not. */
    @Test
    void anAmountColumnNamedWithTheYearIsTheMainColumn() {
        Document doc = doc(
                Block.paragraph("收支总表", 1, true),
                table(1,
                        row("收入", "", "", "支出"),
                        row("项目", "2025年预算数", "2026年预算数", "项目", "2025年预算数", "2026年预算数"),
                        row("一、财政拨款", "12,000.00", "13,607.02", "一、社会保障和就业支出", "900.00", "1,101.93"),
                        row("本年收入合计", "14,000.00", "15,332.65", "本年支出合计", "14,100.00", "15,480.26"),
                        row("收入总计", "14,200.00", "15,480.26", "支出总计", "14,200.00", "15,480.26")));
        StandardTables.Reading reading = tables.read(doc, "budget", 2026, i -> true);
        assertThat(amount(reading, "income.total")).isEqualByComparingTo("15332.65");
        assertThat(amount(reading, "expenditure.total")).isEqualByComparingTo("15480.26");
        assertThat(amount(reading, "totals.grand_total")).isEqualByComparingTo("15480.26");
        assertThat(reading.alternates()).extracting(f -> (BigDecimal) f.value()).allMatch(a -> a.compareTo(new BigDecimal("15480.26")) == 0);
    }

    /** A budget 收入总表 by source whose 合计 counts 上年结转 too: that 合计 is no 本年收入合计. */
    @Test
    void anIncomeTotalThatCountsTheCarryOverIsNotTheYearsIncome() {
        Document doc = doc(
                Block.paragraph("部门综合预算收入总表", 1, true),
                table(1,
                        row("单位名称", "合计", "一般公共预算拨款", "上年结转"),
                        row("合计", "3,695.91", "3,643.37", "52.54")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(reading.items()).isNotEmpty();
        assertThat(reading.fields()).extracting(FieldValue::key).doesNotContain("income.total");
        Document plain = doc(
                Block.paragraph("收入决算表", 1, true),
                table(1,
                        row("项目", "本年收入合计", "财政拨款收入", "其他收入"),
                        row("合计", "2,946.25", "2,940.05", "6.20")));
        assertThat(amount(tables.read(plain, "final_accounts"), "income.total")).isEqualByComparingTo("2946.25");
    }

    /** 上年实户资金余额 is last year's money too (西安 收入总表): the 合计 beside it is no 本年收入合计. */
    @Test
    void anIncomeTotalThatCountsLastYearsCashBalanceIsNotTheYearsIncome() {
        Document doc = doc(
                Block.paragraph("2021年部门综合预算收入总表", 1, true),
                table(1,
                        row("单位名称", "合计", "一般公共预算拨款", "上年实户资金余额"),
                        row("合计", "3,695.91", "3,643.37", "52.54")));
        assertThat(tables.read(doc, "budget").fields()).extracting(FieldValue::key).doesNotContain("income.total");
    }

    /** A budget 支出总表 laid out by source of funds (…| 上年结转): its 合计 spends the carry-over too. */
    @Test
    void anExpenditureTotalByFundSourceThatCountsTheCarryOverIsNotTheYearsExpenditure() {
        Document doc = doc(
                Block.paragraph("2019年部门综合预算支出总表", 1, true),
                table(1,
                        row("单位名称", "合计", "公共预算拨款", "上年结转"),
                        row("合计", "3,695.91", "3,643.37", "52.54")));
        assertThat(tables.read(doc, "budget").fields()).extracting(FieldValue::key).doesNotContain("expenditure.total");
        Document plain = doc(
                Block.paragraph("支出决算表", 1, true),
                table(1,
                        row("项目", "本年支出合计", "基本支出", "项目支出"),
                        row("合计", "2,946.25", "2,000.05", "946.20")));
        assertThat(amount(tables.read(plain, "final_accounts"), "expenditure.total")).isEqualByComparingTo("2946.25");
    }

    /** "上年结转 | 其中：财政拨款" is last year's appropriation carried over, not the year's 财政拨款收入. */
    @Test
    void thePartsOfTheCarryOverAreNotTheYearsIncome() {
        Document doc = doc(
                Block.paragraph("部门收支总表", 1, true),
                table(1,
                        row("项目", "预算数"),
                        row("一、财政拨款收入", "100.00"),
                        row("本年收入合计", "100.00"),
                        row("上年结转", "20.00"),
                        row("其中：财政拨款", "20.00"),
                        row("收入总计", "120.00")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "income.fiscal_appropriation")).isEqualByComparingTo("100");
        assertThat(reading.alternates()).extracting(FieldValue::key).doesNotContain("income.fiscal_appropriation");
        Document onlyCarry = doc(
                Block.paragraph("部门收支总表", 1, true),
                table(1,
                        row("项目", "预算数"),
                        row("本年收入合计", "0.00"),
                        row("上年结转结余", "20.00"),
                        row("一般公共预算", "20.00"),
                        row("收入总计", "20.00")));
        assertThat(tables.read(onlyCarry, "budget").fields()).extracting(FieldValue::key)
                .doesNotContain("income.general_budget", "income.fiscal_appropriation");
    }

    /** A 国有资本经营预算支出表 laid out like the basic-expenditure table is not it, titled or continued. */
    @Test
    void aStateCapitalTableIsNotTheBasicExpenditureTable() {
        Document doc = doc(
                Block.paragraph("一般公共预算基本支出表", 1, true),
                table(1,
                        row("经济分类科目", "合计", "人员经费", "公用经费"),
                        row("合计", "150.00", "100.00", "50.00")),
                Block.paragraph("国有资本经营预算支出表", 2, true),
                table(2,
                        row("经济分类科目", "合计", "人员经费", "公用经费"),
                        row("合计", "9.00", "6.00", "3.00")),
                Block.paragraph("2026年国有资本经营预算支出预算表（按经济分类）", 3, true),
                table(3,
                        row("经济分类科目", "合计", "人员经费", "公用经费"),
                        row("合计", "8.00", "5.00", "3.00")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "basic.total")).isEqualByComparingTo("150");
        assertThat(amount(reading, "basic.personnel")).isEqualByComparingTo("100");
        assertThat(reading.alternates()).extracting(FieldValue::key)
                .doesNotContain("basic.total", "basic.personnel", "basic.public");
    }

    /** The unit is the table's own: a 单位：元 note printed above its title, or 元 named in its header cells. */
    @Test
    void aTableInYuanIsReadInYuanWhereverItSaysSo() {
        Document above = doc(
                Block.paragraph("单位：元", 1, false),
                Block.paragraph("一般公共预算基本支出表", 1, true),
                table(1,
                        row("经济分类科目", "合计", "人员经费", "公用经费"),
                        row("合计", "1,500,000.00", "1,000,000.00", "500,000.00")));
        assertThat(amount(tables.read(above, "budget"), "basic.total")).isEqualByComparingTo("150");
        Document header = doc(
                Block.paragraph("一般公共预算基本支出表", 1, true),
                table(1,
                        row("经济分类科目", "合计（元）", "人员经费（元）", "公用经费（元）"),
                        row("合计", "1,500,000.00", "1,000,000.00", "500,000.00")));
        assertThat(amount(tables.read(header, "budget"), "basic.total")).isEqualByComparingTo("150");
    }

    /** 江苏's 收支预算总表: 当年收入小计 is the year's income; 收入合计, counting 上年结转资金 too, the grand total. */
    @Test
    void theYearsSubtotalIsTheIncomeAndTheTotalBelowTheCarryOverTheGrandTotal() {
        Document doc = doc(
                Block.paragraph("收支预算总表", 1, true),
                table(1,
                        row("收入", "", "支出", ""),
                        row("项目名称", "金额", "项目名称", "金额"),
                        row("一、财政拨款", "18,330.37", "一、基本支出", "9,312.90"),
                        row("当年收入小计", "18,330.37", "当年支出小计", "18,400.00"),
                        row("上年结转资金", "69.63", "结转下年资金", ""),
                        row("收入合计", "18,400.00", "支出合计", "18,400.00")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "income.total")).isEqualByComparingTo("18330.37");
        assertThat(amount(reading, "totals.grand_total")).isEqualByComparingTo("18400.00");
        assertThat(amount(reading, "expenditure.total")).isEqualByComparingTo("18400.00");
        assertThat(reading.alternates()).extracting(FieldValue::key).doesNotContain("income.total");
    }

    /** A budget's 政府采购预算表 by 采购类别 (北京 A-货物 | C-服务, 江苏 一、货物A) and its 机关运行经费 table. */
    @Test
    void procurementAndOperatingExpensesTablesGiveTheirBudgets() {
        Document doc = doc(
                Block.paragraph("预算10表政府采购预算明细表", 1, true),
                Block.paragraph("金额单位：万元", 1, false),
                table(1,
                        row("采购类别", "金额"),
                        row("A-货物", "18.69"),
                        row("C-服务", "35.65"),
                        row("合计", "54.34")),
                Block.paragraph("一般公共预算机关运行经费支出预算表", 2, true),
                table(2,
                        row("科目编码", "科目名称", "机关运行经费支出"),
                        row("合计", "", "1,642.08"),
                        row("302", "商品和服务支出", "1,642.08")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "procurement.total")).isEqualByComparingTo("54.34");
        assertThat(amount(reading, "procurement.goods")).isEqualByComparingTo("18.69");
        assertThat(amount(reading, "procurement.services")).isEqualByComparingTo("35.65");
        assertThat(reading.fields()).extracting(FieldValue::key).doesNotContain("procurement.works");
        assertThat(amount(reading, "operating_expenses.budget")).isEqualByComparingTo("1642.08");
        assertThat(tables.read(doc, "final_accounts").fields()).isEmpty();
    }

    /** A 三公 table with its items as rows under 预算数: the 合计 is the 三公 budget unless 会议费 or 培训费 is among them. */
    @Test
    void aThreePublicTotalRowIsTheBudgetOnlyWithoutOtherItems() {
        Document doc = doc(
                Block.paragraph("2026年度一般公共预算“三公”经费支出预算表", 1, true),
                table(1,
                        row("项目", "预算数"),
                        row("合计", "27.31"),
                        row("1、因公出国（境）费用", "0.00"),
                        row("2、公务接待费", "2.00"),
                        row("3、公务用车购置及运行费", "25.31")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "three_public.budget")).isEqualByComparingTo("27.31");
        assertThat(amount(reading, "three_public.reception")).isEqualByComparingTo("2.00");
        Document withMeetings = doc(
                Block.paragraph("“三公”经费、会议费、培训费支出预算表", 1, true),
                table(1,
                        row("项目", "预算数"),
                        row("合计", "40.00"),
                        row("1、因公出国（境）费用", "0.00"),
                        row("2、公务接待费", "2.00"),
                        row("4、会议费", "12.69")));
        assertThat(tables.read(withMeetings, "budget").fields()).extracting(FieldValue::key)
                .doesNotContain("three_public.budget");
    }

    /** 深圳's 支出总表 has no 合计 row: the department's own row opens it, its units' rows (…（本级）) below. */
    @Test
    void withoutATotalRowTheDepartmentsOwnFirstRowIsTheTotal() {
        Document doc = doc(
                Block.paragraph("支出总表", 1, true),
                table(1,
                        row("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"),
                        row("深圳市水务局", "", "", "857,808.76", "46,138.79", "811,669.97"),
                        row("深圳市水务局（本级）", "", "", "178,214.28", "7,823.97", "170,390.31"),
                        row("", "213", "农林水支出", "178,214.28", "7,823.97", "170,390.31")),
                Block.paragraph("一般公共预算支出表（按功能分类）", 2, true),
                table(2,
                        row("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"),
                        row("深圳市医疗保障局（本级）", "", "", "13,754.63", "11,012.04", "2,742.59"),
                        row("", "208", "社会保障和就业支出", "1,101.93", "1,101.93", "0.00")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "expenditure.basic")).isEqualByComparingTo("46138.79");
        assertThat(reading.alternates()).extracting(FieldValue::key).doesNotContain("expenditure.basic");
        assertThat(amount(reading, "general_budget.expenditure")).isEqualByComparingTo("13754.63");
        assertThat(amount(reading, "basic.total")).isEqualByComparingTo("11012.04");
    }

    /** 重庆's 收支总体情况表 opens on a bare 合计 row, the carry-over counted within each source: the grand total. */
    @Test
    void aBareTotalRowOfAnIncomeAndExpenditureTableIsTheGrandTotal() {
        Document doc = doc(
                Block.paragraph("2026年单位收支总体情况表", 1, true),
                table(1,
                        row("收入", "", "支出", ""),
                        row("项目", "预算数", "项目", "预算数"),
                        row("合计", "45,369.18", "合计", "45,369.18"),
                        row("一、一般公共预算资金", "37,891.58", "一、一般公共服务支出", "22,022.92"),
                        row("九、其他收入资金", "513.00", "二、教育支出", "9.30")));
        StandardTables.Reading reading = tables.read(doc, "budget");
        assertThat(amount(reading, "totals.grand_total")).isEqualByComparingTo("45369.18");
        assertThat(reading.fields()).extracting(FieldValue::key).doesNotContain("income.total");
    }

    /** In final accounts a 预算数 column is the budget: never the year's expenditure beside its 决算数. */
    @Test
    void aFinalAccountsBudgetColumnIsNotTheExpenditure() {
        Document doc = doc(
                Block.paragraph("一般公共预算财政拨款支出决算表", 1, true),
                table(1,
                        row("科目名称", "预算数", "决算数"),
                        row("合计", "1,000.00", "950.00")));
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(amount(reading, "general_budget.expenditure")).isEqualByComparingTo("950");
        assertThat(reading.alternates()).filteredOn(f -> f.key().equals("general_budget.expenditure")).isEmpty();
    }

    /** 北京's 预算07表政府性基金预算支出表: its 合计 row under 预算数/合计 is the year's government-fund expenditure. */
    @Test
    void aGovernmentFundTableReadsItsBudgetTotal() {
        Document doc = doc(
                Block.paragraph("预算07表政府性基金预算支出表", 1, true),
                Block.paragraph("金额单位：万元", 1, false),
                table(1,
                        row("功能分类科目", "", "预算数", "", ""),
                        row("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                        row("2069803", "技术研究与开发", "755.164500", "", "755.164500"),
                        row("", "合计", "3,814.164500", "", "3,814.164500")));
        assertThat(amount(tables.read(doc, "budget"), "gov_fund.expenditure")).isEqualByComparingTo("3814.1645");
    }

    @Test
    void aTableWithNoFiguresGivesNoFields() {
        Document doc = doc(
                Block.paragraph("国有资本经营预算财政拨款支出决算表", 1, true),
                table(1,
                        row("项目", "", "本年支出"),
                        row("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                        row("合计", "", "", "", ""),
                        row("注：本单位无国有资本经营预算财政拨款支出，故本表无数据。")));
        StandardTables.Reading reading = tables.read(doc, "final_accounts");
        assertThat(reading.items()).isEmpty();
        assertThat(reading.fields()).isEmpty();
    }

    private static LineItem item(List<LineItem> items, String code, String column) {
        return items.stream().filter(i -> i.rowCode().equals(code) && i.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + code + " × " + column + " in " + items));
    }

    private static FieldValue field(StandardTables.Reading reading, String key) {
        return reading.fields().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in " + reading.fields()));
    }

    private static BigDecimal amount(StandardTables.Reading reading, String key) {
        return (BigDecimal) field(reading, key).value();
    }

    private static Document doc(Block... blocks) {
        return Document.of("test.docx", "docx", null, null, Arrays.asList(blocks));
    }

    @SafeVarargs
    private static Block table(Integer page, List<Cell>... rows) {
        return Block.table(new Table(new ArrayList<>(Arrays.asList(rows))), page);
    }

    private static List<Cell> row(String... texts) {
        return Arrays.stream(texts).map(Cell::of).toList();
    }
}
