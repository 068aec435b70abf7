package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The name a body's sentences open with, found without a segmenter. */
class ClauseSubjectsTest {

    @Test
    void theNameSeveralClausesOpenWith() {
        List<ClauseSubjects.Subject> found = ClauseSubjects.find(List.of(
                "（一）本部门职责情况",
                "北京市退役军人事务局贯彻落实党中央关于退役军人工作的方针政策。",
                "北京市退役军人事务局下设4个二级预算单位。",
                "2026年，北京市退役军人事务局收入预算12.5万元，比上年减少1万元。",
                "关于北京市退役军人事务局部门预算的说明"));
        assertThat(found).extracting(ClauseSubjects.Subject::name).first().isEqualTo("北京市退役军人事务局");
    }

    @Test
    void aNameOpeningOneClauseOnlyIsNone() {
        assertThat(ClauseSubjects.find(List.of("北京市统计局负责统计工作。", "北京市财政局批复了预算。",
                "本部门收入预算12.5万元。"))).isEmpty();
    }

    @Test
    void theWord部门AfterANameIsNotPartOfIt() {
        assertThat(ClauseSubjects.find(List.of("北京市经济和信息化局部门预算包括本级。", "北京市经济和信息化局部门职责如下。",
                "北京市经济和信息化局部门收入合计100万元。")))
                .extracting(ClauseSubjects.Subject::name).containsExactly("北京市经济和信息化局");
    }
}
