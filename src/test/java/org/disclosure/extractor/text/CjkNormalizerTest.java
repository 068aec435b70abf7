package org.disclosure.extractor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CjkNormalizerTest {

    @Test
    void removesSpacesBetweenHanCharactersAndBetweenNumbersAndHan() {
        assertThat(CjkNormalizer.normalize("目 录")).isEqualTo("目录");
        assertThat(CjkNormalizer.normalize("2024 年度部门决算")).isEqualTo("2024年度部门决算");
        assertThat(CjkNormalizer.normalize("上海市 XX 局")).isEqualTo("上海市XX局");
        assertThat(CjkNormalizer.normalize("收、支总计 6796.16 万元")).isEqualTo("收、支总计6796.16万元");
    }

    @Test
    void keepsSpacesThatSeparateNumbersOrWords() {
        assertThat(CjkNormalizer.normalize("391.37 242.91")).isEqualTo("391.37 242.91");
        assertThat(CjkNormalizer.normalize("Apache Tika")).isEqualTo("Apache Tika");
    }

    @Test
    void joinsNumbersThatPdfsBreak() {
        assertThat(CjkNormalizer.normalize("支出14,770 .62万元")).isEqualTo("支出14,770.62万元");
    }

    @Test
    void mapsFullWidthDigitsAndPercent() {
        assertThat(CjkNormalizer.normalize("完成预算３５．２５％")).isEqualTo("完成预算35.25%");
        assertThat(CjkNormalizer.normalize("公开０１表")).isEqualTo("公开01表");
    }

    @Test
    void fullWidthFiguresKeepTheirThousandsSeparator() {
        assertThat(CjkNormalizer.normalize("收、支总计１，２３４．５６万元")).isEqualTo("收、支总计1,234.56万元");
        // a list of full-width figures keeps its commas, and so does text without full-width figures
        assertThat(CjkNormalizer.normalize("分别为１，２，３个")).isEqualTo("分别为1，2，3个");
        assertThat(CjkNormalizer.normalize("共2，300人")).isEqualTo("共2，300人");
    }

    @Test
    void keepsChinesePunctuation() {
        assertThat(CjkNormalizer.normalize("因公出国（境）费，共计")).isEqualTo("因公出国（境）费，共计");
    }

    @Test
    void mapsRadicalCodePointsToIdeographs() {
        // U+2ED4 and U+2EC5 (CJK Radicals Supplement), U+2F08 (Kangxi radical)
        assertThat(CjkNormalizer.normalize("部\u2ED4公务用\u2ECB")).isEqualTo("部门公务用车");
        assertThat(CjkNormalizer.normalize("\u2F08员经费")).isEqualTo("人员经费");
    }

    @Test
    void joinsLinesBrokenInsideAWord() {
        assertThat(CjkNormalizer.normalize("机关事业单位基本养老保险缴\n费支出")).isEqualTo("机关事业单位基本养老保险缴费支出");
    }
}
