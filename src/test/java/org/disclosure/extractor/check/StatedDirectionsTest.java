package org.disclosure.extractor.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stated direction or change against its own figures: silent on real reports where the words agree with the
 * figures, a finding once one word or figure is changed in a copy, never on a template's alternatives.
 */
class StatedDirectionsTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final StatedDirections CHECK = StatedDirections.load();
    private static final Path SEED_001 = Path.of("corpus/seeds/001_627f347534218911.txt");

    @TempDir
    Path dir;

    private static List<Finding> findings(Path file) {
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record().findings();
    }

    private List<Finding> planted(Path seed, String from, String to) throws IOException {
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        assertThat(text).as("the words to change are in the report").contains(from);
        Path copy = dir.resolve(seed.getFileName());
        Files.writeString(copy, text.replace(from, to), StandardCharsets.UTF_8);
        return findings(copy);
    }

    private static List<Finding> paragraph(String text) {
        List<Finding> out = new ArrayList<>();
        Provenance at = new Provenance("made-up", 1, null, text, -1, -1, "stated_directions");
        CHECK.comparisons(text, at, out);
        CHECK.changes(text, at, out);
        CHECK.twoFigures(text, at, out);
        return out;
    }

    private static List<Finding> ours(List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().endsWith("/sentence") || f.rule().startsWith("comparison_direction"))
                .toList();
    }

    @Test
    void theRealFinalAccountWhoseComparisonsAgreeRaisesNothing() {
        assertThat(ours(findings(SEED_001))).isEmpty();
    }

    @Test
    void anActualBelowItsBudgetCalledAboveIsAnError() throws IOException {
        List<Finding> f = ours(planted(SEED_001, "公务接待费支出预算5万元，支出决算为3万元，完成预算的60%，决算数小于年初预算数",
                "公务接待费支出预算5万元，支出决算为3万元，完成预算的60%，决算数大于年初预算数"));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).rule()).isEqualTo("comparison_direction/narrative");
        assertThat(f.get(0).severity()).isEqualTo("error");
        assertThat(f.get(0).actual()).isEqualByComparingTo("3");
        assertThat(f.get(0).expected()).isEqualByComparingTo("5");
        assertThat(f.get(0).values()).allSatisfy(v -> assertThat(v.provenance().text()).contains("公务接待费支出预算5万元"));
    }

    @Test
    void anActualAboveItsBudgetCalledBelowIsAnError() throws IOException {
        List<Finding> f = ours(planted(SEED_001, "决算大于年初预算的主要原因", "决算小于年初预算的主要原因"));
        assertThat(f).extracting(Finding::rule).containsExactly("comparison_direction/narrative");
        assertThat(f.get(0).difference()).isEqualByComparingTo("131.3"); // 391.37 − 260.07
    }

    @Test
    void aTemplatesAlternativesNeverAccuse() {
        assertThat(paragraph("年初预算为1560.05万元，支出决算为1511.89万元。决算数大于（小于）预算数的主要原因：人员进出。")).isEmpty();
        assertThat(paragraph("行政运行3,666万元，与上年相比增加（减少）21.8万元，增长（下降）0.06%。")).isEmpty();
    }

    @Test
    void aComparisonAboutAnotherPairOfFiguresIsNotJudged() {
        // an amount between the pair and the comparison: which pair the words are about is not sure
        assertThat(paragraph("年初预算为100万元，支出决算为90万元，其中公务接待费决算为120万元，决算数大于预算数。")).isEmpty();
    }

    @Test
    void aChangeRateThatDoesNotFollowFromItsFiguresIsAnError() {
        List<Finding> f = paragraph("2.一般行政管理事务（项）支出3,666万元，与上年相比增加21.8万元，增长0.06 %");
        assertThat(f).extracting(Finding::rule).containsExactly("change_rate/sentence");
        assertThat(f.get(0).expected()).isEqualByComparingTo("0.60");
        assertThat(f.get(0).actual()).isEqualByComparingTo("0.06");
    }

    @Test
    void aChangeAndARateGoingOppositeWaysIsAnError() {
        List<Finding> f = paragraph("一般公共预算拨款收入9,078.52万元，与上年相比减少4,785.13万元，增长34.52%。");
        assertThat(f).extracting(Finding::rule).containsExactly("change_direction/sentence");
    }

    @Test
    void aRateCutOffRatherThanRoundedRaisesNothing() {
        // 2,915.22 ÷ 7,968.14 = 36.586 %, printed 36.58 %
        assertThat(paragraph("行政运行（项）支出10,883.36万元，与上年相比增加2,915.22万元，增长36.58 %")).isEmpty();
    }

    @Test
    void theChangeOfAWholeAfterTheListOfItsPartsIsNotTheLastPartsChange() {
        assertThat(paragraph("本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、其他收入3,444.00万元，"
                + "较上年减少129,422.00万元，下降27.31%。")).isEmpty();
    }

    @Test
    void theExamplesOfTheGrammarHoldTheirFindings() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("grammars/stated_directions.yaml").toFile());
        for (JsonNode e : root.path("examples")) {
            assertThat(paragraph(e.path("text").asText())).as(e.path("text").asText())
                    .hasSize(e.path("findings").asInt());
        }
    }

    @Test
    void aRealBudgetsItemParagraphWithAWrongRateIsReported() {
        // 江苏省委办公厅 2017: 行政运行 6,106.99万元, up 101.48万元 on last year's 6,005.51: 1.69 %, printed 1.66 %
        List<Finding> f = ours(findings(Path.of("..", "shared", "corpus", "real", "江苏省委办公厅-2017-部门预算.pdf")));
        Finding rate = f.stream().filter(x -> x.rule().equals("change_rate/sentence")).findFirst().orElseThrow();
        assertThat(rate.expected()).isEqualByComparingTo("1.69");
        assertThat(rate.actual()).isEqualByComparingTo("1.66");
    }
}
