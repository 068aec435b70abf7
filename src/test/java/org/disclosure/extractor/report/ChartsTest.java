package org.disclosure.extractor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void theAxisTopsAtARoundNumberAboveTheLargestValue() {
        assertThat(Charts.niceCeiling(new BigDecimal("670.12"))).isEqualByComparingTo("1000");
        assertThat(Charts.niceCeiling(new BigDecimal("185.72"))).isEqualByComparingTo("200");
        assertThat(Charts.niceCeiling(new BigDecimal("0.83"))).isEqualByComparingTo("1");
        assertThat(Charts.niceCeiling(new BigDecimal("4.5"))).isEqualByComparingTo("5");
        assertThat(Charts.niceCeiling(BigDecimal.ZERO)).isEqualByComparingTo("1");
    }

    @Test
    void everyValueIsABarWithItsExactFigureAsTooltipAndAMissingValueIsNoBar() {
        String svg = Charts.bars("“三公”经费", "万元", List.of("2017", "2018"),
                List.of(new Charts.Series("公务接待费", "#0072B2", Arrays.asList(new BigDecimal("185.72"), null)),
                        new Charts.Series("合计", "#999999", List.of(new BigDecimal("670.12"), new BigDecimal("513.75")))),
                false);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 3 + 2); // three bars and two legend keys
        assertThat(svg).contains("<title>2017 公务接待费：185.72 万元</title>").contains("2018 合计：513.75 万元")
                .doesNotContain("2018 公务接待费");
    }

    @Test
    void stackedBarsAddUpToTheWhole() {
        String svg = Charts.bars("支出", "万元", List.of("2019"),
                List.of(new Charts.Series("基本支出", "#0072B2", List.of(new BigDecimal("60"))),
                        new Charts.Series("项目支出", "#E69F00", List.of(new BigDecimal("40")))), true);
        // top of the axis is 100; the plot is 170 px high, so 60 is 102 px and 40 is 68 px, one above the other
        assertThat(svg).contains("height=\"102.0\" fill=\"#0072B2\"").contains("y=\"30.0\" width=\"44\" height=\"68.0\"");
    }

    @Test
    void textIsEscaped() {
        String svg = Charts.horizontal("按类", "万元", List.of("201 <script>"), List.of(new BigDecimal("1")));
        assertThat(svg).doesNotContain("<script>").contains("201 &lt;script&gt;");
    }
}
