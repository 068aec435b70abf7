package org.disclosure.extractor.unlabelled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.junit.jupiter.api.Test;

/**
 * The findings of ../shared/unlabelled against their verdicts (src/test/resources/findings/reviewed.tsv): each
 * error and warning was judged by reading the report behind it. A finding judged ours (our misreading) must not
 * come back as an error or warning; one judged real (the report contradicts itself) must stay, on its own or
 * grouped under the figure that explains it; an error finding nobody has judged fails the build until a
 * reviewer adds its verdict. Information (two roundings of one figure) never says the two places disagree.
 */
class ReviewedFindingsTest {

    /** One line of reviewed.tsv. */
    record Verdict(String file, String rule, String severity, String verdict, String values, String quote, String note) {
        String id() {
            return file + "  " + rule + "  [" + values + "]";
        }
    }

    /** A finding raised now, with the file it was raised on. */
    record Raised(String file, Finding finding) {
        String id() {
            return file + "  " + finding.rule() + "  [" + values(finding) + "]";
        }
    }

    private static List<Verdict> verdicts() {
        try (InputStream in = ReviewedFindingsTest.class.getResourceAsStream("/findings/reviewed.tsv")) {
            List<Verdict> out = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                out.add(new Verdict(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finding's identity: its values as key=value, sorted (as the values column of reviewed.tsv). */
    static String values(Finding f) {
        return f.values().stream().map(v -> v.key() + "=" + plain(v.value())).sorted().collect(Collectors.joining("; "));
    }

    private static String plain(Object o) {
        if (o instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        return String.valueOf(o);
    }

    /** Every finding raised now, the grouped ones with their symptoms. */
    private static List<Raised> raised(boolean withSymptoms) {
        List<Raised> out = new ArrayList<>();
        for (Map.Entry<String, Pipeline.Outcome> e : UnlabelledReports.outcomes().entrySet()) {
            if (e.getValue() instanceof Pipeline.Extracted x) {
                x.record().findings().stream().flatMap(f -> withSymptoms ? f.withSymptoms() : java.util.stream.Stream.of(f))
                        .forEach(f -> out.add(new Raised(e.getKey(), f)));
            }
        }
        return out;
    }

    private static boolean accuses(Finding f) {
        return f.severity().equals("error") || f.severity().equals("warning");
    }

    @Test
    void everyFindingKeepsItsVerdict() {
        List<Verdict> verdicts = verdicts();
        Set<String> accusing = raised(true).stream().filter(r -> accuses(r.finding())).map(Raised::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Verdict v : verdicts) {
            boolean present = accusing.contains(v.id());
            if (v.verdict().equals("ours") && present) {
                problems.add("FALSE ACCUSATION BACK  " + v.id() + "\n      judged ours: " + v.note() + "\n      " + v.quote());
            } else if (v.verdict().equals("real") && !present) {
                problems.add("REAL FINDING LOST      " + v.id() + "\n      judged real: " + v.note() + "\n      " + v.quote());
            }
        }
        Set<String> judged = verdicts.stream().map(Verdict::id).collect(Collectors.toSet());
        for (Raised r : raised(false)) {
            if (r.finding().isError() && !judged.contains(r.id())) {
                problems.add("NEW ERROR, NOT JUDGED  " + r.id() + "\n      " + r.finding().messageZh() + "\n      "
                        + r.finding().values().stream().map(FieldValue::provenance)
                        .map(p -> "p" + p.page() + " «" + p.text() + "»").distinct().collect(Collectors.joining(" ‖ "))
                        + "\n      add a line to src/test/resources/findings/reviewed.tsv with verdict real or ours");
            }
        }
        assertThat(problems).as("findings of ../shared/unlabelled against reviewed.tsv:\n%s",
                String.join("\n", problems)).isEmpty();
    }

    @Test
    void atLeastNinetyFivePercentOfErrorFindingsAreReal() {
        Map<String, String> verdictOf = verdicts().stream().collect(Collectors.toMap(Verdict::id, Verdict::verdict, (a, b) -> a));
        List<Raised> errors = raised(false).stream().filter(r -> r.finding().isError()).toList();
        long real = errors.stream().filter(r -> "real".equals(verdictOf.get(r.id()))).count();
        assertThat(errors).isNotEmpty();
        assertThat(real * 100).as("%d of %d error findings judged real", real, errors.size())
                .isGreaterThanOrEqualTo(95L * errors.size());
    }

    @Test
    void informationNeverSaysTwoPlacesDisagree() {
        List<String> wrong = raised(true).stream().filter(r -> r.finding().severity().equals("info"))
                .filter(r -> r.finding().messageZh().contains("不一致") || r.finding().messageEn().contains("differ"))
                .map(r -> r.id() + "  " + r.finding().messageZh()).toList();
        assertThat(wrong).as("information worded as a disagreement").isEmpty();
    }
}
