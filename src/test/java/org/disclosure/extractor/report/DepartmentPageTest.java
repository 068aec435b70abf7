package org.disclosure.extractor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartmentPageTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    static JsonNode record(String file, String department, int year, String kind, String threePublicKey, String total,
                           String reception) throws Exception {
        return JSON.readTree("""
                {"source":{"file":"%s","sha256":"x","format":"pdf","pages":20},
                 "doc":{"department":{"value":"%s"},"fiscal_year":{"value":%d},"kind":{"value":"%s"},
                        "region":{"province":{"value":"江苏省"},"code":{"value":"320000"}}},
                 "three_public":{"%s":{"value":%s,"unit":"万元","provenance":{"file":"%s","page":17,
                        "text":"“三公”经费%s万元","span":[6,12],"rule":"r"}},
                                 "reception":{"value":%s,"unit":"万元"}},
                 "expenditure":{"basic":{"value":100.00},"project":{"value":50.5}},
                 "findings":[{"rule":"three_public/sum","severity":"error","message_zh":"合计与各项之和不符。",
                   "values":[{"key":"a","value":1,"provenance":{"file":"%s","page":3,"text":"同一句话","span":[0,1]}},
                             {"key":"b","value":2,"provenance":{"file":"%s","page":3,"text":"同一句话","span":[2,3]}}]}],
                 "tables":[{"table":"general_budget_expenditure","title":"一般公共预算支出表","page":9,"row_code":"201",
                            "row_name":"一般公共服务支出","column":"合计","amount":120.5},
                           {"table":"general_budget_expenditure","title":"一般公共预算支出表","page":9,"row_code":"201",
                            "row_name":"一般公共服务支出","column":"基本支出","amount":100}]}
                """.formatted(file, department, year, kind, threePublicKey, total, file, total, reception, file, file));
    }

    @Test
    void aPageShowsTheSeriesTheirSourcesAndEachFindingsSentenceOnce() throws Exception {
        List<DepartmentHistory> ds = Departments.of(List.of(
                record("/r/2018决算.pdf", "江苏省审计厅", 2018, "final_accounts", "actual", "12.30", "4.10"),
                record("/r/2019决算.pdf", "江苏省审计厅（本级）", 2019, "final_accounts", "actual", "10.00", "3.00"),
                record("/r/2019预算.pdf", "江苏省审计厅", 2019, "budget", "budget", "15.00", "5.00")));
        assertThat(ds).hasSize(1);
        DepartmentHistory d = ds.get(0);
        assertThat(d.reports()).extracting(DepartmentHistory.Report::year).containsExactly(2018, 2019, 2019);
        assertThat(d.names()).containsExactly("江苏省审计厅", "江苏省审计厅（本级）");
        String html = DepartmentPage.render(d);
        assertThat(html).contains("“三公”经费（决算）").contains("“三公”经费（预算）")
                .contains("<td class=\"num\">12.30</td>").contains("第17页 “三公”经费12.30万元")
                .contains("201 一般公共服务支出").contains("120.5")
                .contains("基本支出与项目支出")
                // the change on 2018 is the panel's, computed and marked so, not the report's
                .containsPattern("<td class=\"num derived\">-2\\.30?</td>").contains("合计较上年增减（计算，万元）")
                .contains("合计与各项之和不符。");
        // two values of one sentence: the sentence is quoted once per finding (three reports, one finding each)
        assertThat(html.split("同一句话", -1)).hasSize(3 + 1);
        // nothing is fetched: no script, no remote link (the only URL is SVG's namespace)
        assertThat(html).doesNotContain("<script").doesNotContain("href=\"http").doesNotContain("src=");
    }

    @Test
    void aSubUnitIsNotMergedWithItsDepartmentAndRegionsSortTheIndex() throws Exception {
        List<DepartmentHistory> ds = Departments.of(List.of(
                record("/r/a.pdf", "江苏省审计厅", 2019, "final_accounts", "actual", "1", "1"),
                record("/r/b.pdf", "江苏省审计厅机关服务中心", 2019, "final_accounts", "actual", "1", "1")));
        assertThat(ds).hasSize(2);
        String index = IndexPage.render(ds.stream().sorted(ReportSite.BY_REGION).toList(), List.of("a.html", "b.html"));
        assertThat(index).contains("江苏省审计厅</a>").contains("江苏省审计厅机关服务中心</a>").contains("2 个部门，2 份报告");
    }
}
