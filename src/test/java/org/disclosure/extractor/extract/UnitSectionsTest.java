package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A budget that tells each unit's budget in turn (深圳: 第三部分 部门预算支出具体情况, 一、XX局（本级）, 二、XX中心 …): the
 * sections of one unit among several give none of the department's fields; a department of one unit is read as usual.
 */
class UnitSectionsTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            2026年深圳市水务局部门预算
            第一部分 部门概况
            一、部门职责
            深圳市水务局负责全市水务管理。
            第二部分 部门预算收支总体情况
            2026年深圳市水务局部门预算收入723,786.76万元，较2025年年初预算增加1,000.00万元，增长0.14%。
            第三部分 部门预算支出具体情况
            一、深圳市水务局（本级）
            深圳市水务局（本级）预算178,214.28万元，包括在职人员经费5,206.17万元、公用经费937.48万元、项目支出170,390.31万元。
            """;

    @Test
    void aUnitAmongSeveralGivesNoDepartmentFigure() throws IOException {
        ReportRecord record = extract(HEAD + """
                二、深圳市水文水质中心
                深圳市水文水质中心预算3,000.00万元，包括在职人员经费2,000.00万元、公用经费100.00万元、项目支出900.00万元。
                第四部分 政府采购预算情况
                无。
                """);
        assertThat(record.field("basic.public")).isEmpty();
        assertThat(record.field("expenditure.project")).isEmpty();
        assertThat(record.field("totals.grand_total")).get().extracting(f -> ((BigDecimal) f.value()).toPlainString())
                .isEqualTo("723786.76");
    }

    @Test
    void theOnlyUnitOfADepartmentIsTheDepartment() throws IOException {
        ReportRecord record = extract(HEAD + """
                第四部分 政府采购预算情况
                无。
                """);
        assertThat(record.field("basic.public")).get().extracting(f -> ((BigDecimal) f.value()).toPlainString())
                .isEqualTo("937.48");
    }

    private ReportRecord extract(String text) throws IOException {
        Path file = dir.resolve("budget.txt");
        Files.writeString(file, text);
        Pipeline.Outcome outcome = new Pipeline().process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }
}
