package org.disclosure.extractor.outline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadingNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "第一部分 部门概况|PART|1|部门概况",
        "第3部分名词解释|PART|3|名词解释",
        "第二部分：部门预算收支情况说明|PART|2|部门预算收支情况说明",
        "十一、其他重要事项的情况说明|CHINESE|11|其他重要事项的情况说明",
        "二十三、灾害防治及应急管理支出|CHINESE|23|灾害防治及应急管理支出",
        "（一）主要职能|CHINESE_BRACKET|1|主要职能",
        "(三）人员概况|CHINESE_BRACKET|3|人员概况",
        "（二)机构职能|CHINESE_BRACKET|2|机构职能",
        "（一）、单位履职情况分析|CHINESE_BRACKET|1|单位履职情况分析",
        "7、 一般公共预算财政拨款项目支出决算情况说明|ARABIC|7|一般公共预算财政拨款项目支出决算情况说明",
        "10.住房保障支出|ARABIC|10|住房保障支出",
        "（2）项目预算管理|ARABIC_BRACKET|2|项目预算管理",
        "(12)完成市委交办的其他任务|ARABIC_BRACKET|12|完成市委交办的其他任务",
    })
    void readsNumberStyleAndWords(String text, HeadingNumber.Style style, int ordinal, String words) {
        HeadingNumber n = HeadingNumber.parse(text).orElseThrow();
        assertThat(n.style()).isEqualTo(style);
        assertThat(n.ordinal()).isEqualTo(ordinal);
        assertThat(n.words()).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2022年度收、支总计6796.16万元。",
        "1.5万元用于办公设备购置",
        "一是进一步完善医保筹资机制",
        "第一部分",
        "目录",
    })
    void ignoresTextThatDoesNotOpenWithANumber(String text) {
        assertThat(HeadingNumber.parse(text)).isEmpty();
    }
}
