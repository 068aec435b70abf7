package org.disclosure.extractor.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Provenance;

/**
 * The cross-year check (grammars/cross_year.yaml): a report's stated change on last year against last year's own
 * report of the same kind and scope. A finding only where the two surely mean the same thing and differ beyond what
 * the rounding of the three figures as written explains; a sentence that restates last year on another basis, or a
 * budget (whose 上年预算 may be last year's adjusted budget), is a warning at most.
 */
public record CrossYearCheck(List<StatedChange> changes, Map<String, Pattern> otherBase, Pattern restated,
                             Map<String, String> maxSeverity) {

    public static final String RULE = "cross_year";

    /** A stated change and its rate, and the figure they are changes of in each kind of report. */
    public record StatedChange(String change, String pct, Map<String, String> of) {
    }

    /** A finding of the check, with the department-year and kind it is about. */
    public record CrossYearFinding(PanelRow row, String kind, String key, Finding finding) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private static final class Holder {
        static final CrossYearCheck STANDARD = load();
    }

    public static CrossYearCheck standard() {
        return Holder.STANDARD;
    }

    /** The findings of a row's report of a kind against the previous year's row (consecutive years, same scope). */
    public List<CrossYearFinding> check(PanelRow row, PanelRow previous, String kind) {
        List<CrossYearFinding> out = new ArrayList<>();
        KindReport now = row.report(kind);
        KindReport before = previous == null ? null : previous.report(kind);
        if (now == null || before == null || previous.year() != row.year() - 1
                || !previous.identity().equals(row.identity()) || !previous.scope().equals(row.scope())) {
            return out;
        }
        for (StatedChange c : changes) {
            String baseKey = c.of().get(kind);
            FieldValue thisYear = now.figures().get(baseKey);
            FieldValue lastYear = before.figures().get(baseKey);
            if (baseKey == null || thisYear == null || lastYear == null) {
                continue;
            }
            BigDecimal a = number(thisYear);
            BigDecimal b = number(lastYear);
            FieldValue stated = now.figures().get(c.change());
            if (stated != null && comparable(stated, kind)) {
                BigDecimal derived = a.subtract(b);
                BigDecimal tol = halfUnit(thisYear).add(halfUnit(lastYear)).add(halfUnit(stated));
                judge(row, kind, c.change(), stated, thisYear, lastYear, derived, tol).ifPresent(out::add);
            }
            // a rate is checked only where the amount of the change is not stated: beside a stated amount, a rate
            // that does not follow from it is the report's own arithmetic (one cause, one finding), not last year's
            FieldValue statedPct = c.pct() == null || stated != null ? null : now.figures().get(c.pct());
            if (statedPct != null && b.signum() != 0 && comparable(statedPct, kind)) {
                BigDecimal derived = a.subtract(b).multiply(HUNDRED).divide(b, MC);
                // a rate written to 0.01% is off by up to 0.01 (reports cut rates as often as they round them)
                BigDecimal tol = halfUnit(statedPct).multiply(BigDecimal.valueOf(2)).add(HUNDRED.multiply(halfUnit(thisYear).divide(b.abs(), MC)
                        .add(a.abs().multiply(halfUnit(lastYear)).divide(b.multiply(b), MC))));
                judge(row, kind, c.pct(), statedPct, thisYear, lastYear, derived, tol).ifPresent(out::add);
            }
        }
        return out;
    }

    private java.util.Optional<CrossYearFinding> judge(PanelRow row, String kind, String key, FieldValue stated,
                                                        FieldValue thisYear, FieldValue lastYear, BigDecimal derived,
                                                        BigDecimal tol) {
        BigDecimal actual = number(stated);
        BigDecimal diff = actual.subtract(derived);
        if (diff.abs().compareTo(tol) <= 0) {
            return java.util.Optional.empty();
        }
        String severity = diff.abs().compareTo(tol.multiply(BigDecimal.valueOf(2))) <= 0 ? "warning" : "error";
        if (restated.matcher(stated.provenance().text()).find() || "warning".equals(maxSeverity.getOrDefault(kind, "warning"))) {
            severity = "warning";
        }
        boolean pct = key.endsWith("_pct");
        String label = FieldDictionary.field(key).map(FieldDictionary.Field::zh).orElse(key);
        String baseLabel = FieldDictionary.field(thisYear.key()).map(FieldDictionary.Field::zh).orElse(thisYear.key());
        String unit = pct ? "%" : "万元";
        BigDecimal shown = pct ? derived.setScale(2, RoundingMode.HALF_UP) : derived;
        String kindZh = PanelRow.Kinds.zh(kind);
        String zh = String.format("%d年%s称%s为%s%s，但%d年%s的%s%s万元与%d年%s的%s万元算得%s%s，相差%s%s。",
                row.year(), kindZh, label, plain(actual), unit,
                row.year(), kindZh, baseLabel, plain(number(thisYear)),
                row.year() - 1, kindZh, plain(number(lastYear)),
                plain(shown), unit, plain(pct ? diff.setScale(2, RoundingMode.HALF_UP) : diff), unit);
        String en = String.format("The %d %s states %s of %s%s on last year, but its %s of %s and the %d report's %s"
                        + " give %s%s (%s%s apart).",
                row.year(), kind.replace('_', ' '), key, plain(actual), unit, thisYear.key(), plain(number(thisYear)),
                row.year() - 1, plain(number(lastYear)), plain(shown), unit,
                plain(pct ? diff.setScale(2, RoundingMode.HALF_UP) : diff), unit);
        Finding f = new Finding(RULE, severity, zh, en, List.of(stated, thisYear, lastYear), shown, actual,
                pct ? actual.subtract(shown) : diff);
        return java.util.Optional.of(new CrossYearFinding(row, kind, key, f));
    }

    /** Whether the clause of a stated change compares with last year's report of the same kind. */
    private boolean comparable(FieldValue stated, String kind) {
        Pattern other = otherBase.get(kind);
        return other == null || !other.matcher(clause(stated.provenance())).find();
    }

    /** The words of the value's clause: from the comma or stop before its figure to the figure's end. */
    static String clause(Provenance p) {
        String t = p.text();
        if (p.spanStart() < 0 || p.spanEnd() > t.length() || p.spanStart() > p.spanEnd()) {
            return t;
        }
        int start = 0;
        for (int i = p.spanStart() - 1; i >= 0; i--) {
            if ("，。；,;：:".indexOf(t.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        return t.substring(start, p.spanEnd());
    }

    private static BigDecimal halfUnit(FieldValue v) {
        return WrittenFigures.halfUnit(v);
    }

    private static BigDecimal number(FieldValue v) {
        return WrittenFigures.number(v);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static CrossYearCheck load() {
        try (InputStream in = GrammarFiles.open("cross_year.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<StatedChange> changes = new ArrayList<>();
            for (JsonNode c : root.path("changes")) {
                Map<String, String> of = new HashMap<>();
                c.path("of").fields().forEachRemaining(e -> of.put(e.getKey(), e.getValue().asText()));
                changes.add(new StatedChange(c.path("change").asText(), c.path("pct").asText(null), Map.copyOf(of)));
            }
            Map<String, Pattern> other = new HashMap<>();
            root.path("other_base").fields().forEachRemaining(e -> other.put(e.getKey(), Pattern.compile(e.getValue().asText())));
            Map<String, String> max = new HashMap<>();
            root.path("max_severity").fields().forEachRemaining(e -> max.put(e.getKey(), e.getValue().asText()));
            return new CrossYearCheck(List.copyOf(changes), Map.copyOf(other),
                    Pattern.compile(root.path("restated").asText()), Map.copyOf(max));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cross_year.yaml from the " + GrammarFiles.origin(), e);
        }
    }
}
