package org.disclosure.extractor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void readsAmountsTheWaysReportsWriteThem() {
        assertThat(Amounts.parse("6796.16万元")).contains(new BigDecimal("6796.16"));
        assertThat(Amounts.parse("2,940.05万元")).contains(new BigDecimal("2940.05"));
        assertThat(Amounts.parse("2903859.20元")).contains(new BigDecimal("290.385920").stripTrailingZeros());
        assertThat(Amounts.parse("1.25亿元")).contains(new BigDecimal("12500"));
        assertThat(Amounts.parse("2280.29")).contains(new BigDecimal("2280.29"));
        assertThat(Amounts.parse("0万元")).contains(BigDecimal.ZERO);
        assertThat(Amounts.parse("万元")).isEmpty();
    }

    @Test
    void yuanWrittenAnyWayComesBackExactlyInWan() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            long fen = (long) (random.nextDouble() * 1e12);
            BigDecimal yuan = BigDecimal.valueOf(fen, 2);
            String plain = yuan.toPlainString();
            String grouped = String.format("%,.2f", yuan);
            BigDecimal expected = Amounts.plain(yuan.movePointLeft(4));
            assertThat(Amounts.parse(plain + "元")).contains(expected);
            assertThat(Amounts.parse(grouped + "元")).contains(expected);
            assertThat(Amounts.parse(Amounts.plain(yuan.movePointLeft(4)).toPlainString() + "万元")).contains(expected);
        }
    }

    @Test
    void chineseNumeralsInCounts() {
        assertThat(ChineseNumerals.parse("三")).contains(3);
        assertThat(ChineseNumerals.parse("十二")).contains(12);
        assertThat(ChineseNumerals.parse("二十九")).contains(29);
        assertThat(ChineseNumerals.parse("一百零五")).contains(105);
        assertThat(ChineseNumerals.parse("两")).contains(2);
        assertThat(ChineseNumerals.parse("288")).contains(288);
        assertThat(ChineseNumerals.parse("若干")).isEmpty();
    }
}
