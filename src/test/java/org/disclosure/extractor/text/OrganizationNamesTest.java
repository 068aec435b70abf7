package org.disclosure.extractor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Government bodies as reports name them, found in running text. */
class OrganizationNamesTest {

    private static java.util.List<String> names(String text) {
        return OrganizationNames.find(text).stream().map(OrganizationNames.Mention::name).toList();
    }

    @Test
    void findsBodiesNamedByTheirPlaceAndInstitution() {
        assertThat(names("主要包括：1.邻水县医疗保障局、2.邻水县医疗保险服务中心。"))
                .containsExactly("邻水县医疗保障局", "邻水县医疗保险服务中心");
        assertThat(names("四川省成都市新都区人民法院主要职能")).containsExactly("四川省成都市新都区人民法院");
        assertThat(names("北京市西城区人民政府办公室")).containsExactly("北京市西城区人民政府办公室");
        assertThat(names("上海市普陀区司法局")).containsExactly("上海市普陀区司法局");
    }

    @Test
    void findsPartyAndCommitteeBodies() {
        assertThat(names("中共攀枝花市委组织部认真贯彻落实")).containsExactly("攀枝花市委组织部");
        assertThat(names("中国共产党杭州市上城区纪律检查委员会")).containsExactly("中国共产党杭州市上城区纪律检查委员会");
        assertThat(names("中国人民政治协商会议邻水县委员会办公室负责")).containsExactly("邻水县委员会办公室");
    }

    @Test
    void clausesWithoutAPlaceAndAnInstitutionAreNotSegmented() {
        assertThat(OrganizationNames.mayName("本部门2023年收入合计100万元")).isFalse();
        assertThat(OrganizationNames.mayName("邻水县医疗保障局2023年收入")).isTrue();
    }
}
