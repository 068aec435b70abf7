package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AsWrittenTest {

    private static JsonNode provenance(String text, String figure) throws Exception {
        int start = text.indexOf(figure);
        return new ObjectMapper().readTree("{\"text\":\"" + text + "\",\"span\":[" + start + "," + (start + figure.length()) + "]}");
    }

    private static String asWritten(String value, String text, String figure) throws Exception {
        return AsWritten.of(new BigDecimal(value), provenance(text, figure)).toPlainString();
    }

    @Test
    void aFigureKeepsTheDecimalsItsReportWrote() throws Exception {
        assertThat(asWritten("10", "2026年“三公”经费预算数为10.00万元，比2025年预算持平。", "10.00万元")).isEqualTo("10.00");
        assertThat(asWritten("3.5", "比上年增长3.50%。", "3.50%")).isEqualTo("3.50");
        assertThat(asWritten("1200", "支出1,200.0万元", "1,200.0万元")).isEqualTo("1200.0");
    }

    @Test
    void aDecreaseKeepsItsSignAndItsDecimals() throws Exception {
        assertThat(asWritten("-5.10", "较上年减少5.10万元", "减少5.10万元")).isEqualTo("-5.10");
        assertThat(asWritten("-5.1", "较上年减少5.10万元", "减少5.10万元")).isEqualTo("-5.10");
    }

    @Test
    void aFigurePrintedInYuanKeepsTheFourPlacesOfItsConversion() throws Exception {
        assertThat(asWritten("9628.221344", "收入总计 | 96,282,213.44 | 支出总计", "96,282,213.44")).isEqualTo("9628.221344");
        assertThat(asWritten("9628.2", "收入总计 | 96,282,000.00 | 支出总计", "96,282,000.00")).isEqualTo("9628.200000");
    }

    @Test
    void aFigureItsSpanDoesNotShowStaysAsItIs() throws Exception {
        assertThat(asWritten("12.5", "合计12.30万元", "12.30万元")).isEqualTo("12.5"); // a sum, not the printed figure
        assertThat(AsWritten.of(new BigDecimal("7"), new ObjectMapper().readTree("{\"text\":\"x\"}")).toPlainString()).isEqualTo("7");
        assertThat(AsWritten.of(null, null)).isNull();
    }
}
