package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cheap tests that keep the identity patterns off most lines never keep one off a line it matches:
 * checked on many random lines made of the words, names, labels and punctuation those patterns read.
 */
class IdentityPrecheckTest {

    private static final List<String> PIECES = List.of("部门", "单位", "名称", "预算", "主管", "编制", "填报", "公开",
            "（", "）", "(", ")", "：", ":", "，", "。", " ", "\t", "2024", "年", "度", "决算", "信息", "报告", "表",
            "上海市", "普陀区", "财政局", "司法局", "中心", "金额", "万元", "X", "a", "1");

    private static String randomLine(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return b.toString();
    }

    /** Every random line the pattern finds something in passes the precheck; returns how many matched. */
    private static int assertKeepsMatches(java.util.regex.Pattern pattern, java.util.function.Predicate<String> precheck, long seed) {
        Random random = new Random(seed);
        int matched = 0;
        for (int i = 0; i < 200_000; i++) {
            String line = randomLine(random);
            if (pattern.matcher(line).find()) {
                matched++;
                assertThat(precheck.test(line)).as(line).isTrue();
            }
        }
        return matched;
    }

    @Test
    void labelledPrecheckNeverRulesOutAMatch() {
        assertThat(assertKeepsMatches(DepartmentNames.LABELLED, DepartmentNames::mayBeLabelled, 11)).isGreaterThan(1000);
        assertThat(DepartmentNames.mayBeLabelled("主要职能：负责全市财政收支")).isFalse();
    }

    @Test
    void titlePrecheckNeverRulesOutAMatch() {
        assertThat(assertKeepsMatches(DepartmentNames.TITLE_NAME, DepartmentNames::mayBeTitle, 12)).isGreaterThan(1000);
        assertThat(DepartmentNames.mayBeTitle("上海市普陀区财政局，2024年")).isFalse();
    }
}
