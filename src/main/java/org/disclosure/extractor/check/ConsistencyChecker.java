package org.disclosure.extractor.check;

import static org.disclosure.extractor.check.Rounding.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.disclosure.extractor.extract.FieldDictionary;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Grammars;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * Finds where a report contradicts itself: totals that are not the sum of their parts, statements that
 * must agree and do not, rates and changes that do not follow from their amounts, one quantity stated
 * twice with two values. A check runs only on values the report states; a difference within what rounding
 * to the report's precision explains raises nothing. Shared between threads.
 */
public final class ConsistencyChecker {

    /** Severity of a statement that is no contradiction: two roundings of one figure. */
    static final String INFO = "info";

    private final CheckRules rules;
    private final Set<String> looseRules;

    public ConsistencyChecker() {
        this(CheckRules.load(), Grammars.looseRules());
    }

    ConsistencyChecker(CheckRules rules, Set<String> looseRules) {
        this.rules = rules;
        this.looseRules = Set.copyOf(looseRules);
    }

    public List<Finding> check(ReportRecord stated) {
        if (stated.reason() != null) {
            return List.of();
        }
        ReportRecord record = confident(stated);
        String kind = record.field("doc.kind").map(f -> String.valueOf(f.value())).orElse("final_accounts");
        List<Finding> findings = new ArrayList<>();
        rules.sums().forEach(s -> sum(record, kind, s).ifPresent(findings::add));
        rules.equals().forEach(e -> equal(record, e).ifPresent(findings::add));
        rules.rates().forEach(r -> rate(record, r).ifPresent(findings::add));
        rules.changes().forEach(c -> change(record, kind, c, findings));
        statedTwice(record, findings);
        narrativeItems(record, kind, findings);
        return OneCause.group(findings.stream().map(this::sameScopeOrWarning).toList());
    }

    /**
     * An error whose values are of two scopes (one sentence says 机关本级 or XX局（本级）, another does not) may compare
     * a unit's figure with the department's: a warning, never an accusation.
     */
    private Finding sameScopeOrWarning(Finding f) {
        if (!f.isError() || rules.narrowerScope() == null) {
            return f;
        }
        long narrower = f.values().stream().map(v -> v.provenance().text())
                .filter(t -> t != null && rules.narrowerScope().matcher(t).find()).count();
        if (narrower == 0 || narrower == f.values().size()) {
            return f;
        }
        return new Finding(f.rule(), "warning", f.messageZh() + "（其中一处只说本级，口径可能不同）",
                f.messageEn() + " (one place speaks of the headquarters unit only: the scopes may differ)",
                f.values(), f.expected(), f.actual(), f.difference(), f.symptoms());
    }

    /**
     * Each item paragraph of the narrative against itself: its completion rate against its actual and budget,
     * its change rate against this year's and last year's figures, and an amount written twice.
     */
    private void narrativeItems(ReportRecord r, String kind, List<Finding> out) {
        Map<String, Map<String, FieldValue>> byParagraph = new LinkedHashMap<>();
        for (LineItem i : r.tables()) {
            if (!i.table().equals("narrative")) {
                continue;
            }
            FieldValue v = new FieldValue(i.rowName() + "/" + i.column(), i.amount(), null, i.provenance());
            byParagraph.computeIfAbsent(i.provenance().text(), k -> new LinkedHashMap<>()).put(i.column(), v);
        }
        for (Map<String, FieldValue> item : byParagraph.values()) {
            FieldValue stated = item.get("金额");
            FieldValue own = item.get(kind.equals("budget") ? "预算数" : "决算数");
            if (stated != null && own != null) {
                BigDecimal diff = number(stated).subtract(number(own));
                String sev = precision(List.of(stated), own).judge(diff.abs());
                if (sev != null) {
                    boolean rounded = sev.equals(INFO);
                    out.add(new Finding("item_stated_twice/narrative", sev,
                            item(stated) + "先写" + plain(number(stated)) + "万元，后写" + plain(number(own)) + "万元"
                                    + (rounded ? "，取整不同，相差在取整范围内。" : "。"),
                            item(stated) + " is given as " + plain(number(stated)) + " and then as " + plain(number(own))
                                    + (rounded ? ", a difference within rounding." : "."),
                            List.of(stated, own), number(own), number(stated), diff));
                }
            }
            FieldValue rate = item.get("完成率");
            FieldValue actual = item.get("决算数") != null ? item.get("决算数") : kind.equals("final_accounts") ? stated : null;
            FieldValue budget = item.get("年初预算数");
            if (rate != null && actual != null && budget != null && number(budget).signum() != 0) {
                itemRate(out, "item_rate/narrative", rate, actual, budget, item(rate) + "完成率");
            }
            FieldValue pct = item.get("增减率");
            FieldValue prior = item.get("上年执行数");
            List<FieldValue> candidates = Stream.of(item.get("预算数"), stated)
                    .filter(Objects::nonNull).toList();
            if (pct != null && prior != null && !candidates.isEmpty() && number(prior).signum() > 0) {
                // an item written with two amounts is reported once, as stated twice, if either explains its rate
                FieldValue now = candidates.get(0);
                boolean explained = false;
                for (FieldValue c : candidates) {
                    BigDecimal change = number(c).subtract(number(prior));
                    BigDecimal expected = change.multiply(HUNDRED).divide(number(prior), MC);
                    explained |= severity(number(pct).subtract(expected).abs(),
                            rateTolerance(pct, change.abs(), number(prior))) == null;
                }
                if (!explained) {
                    BigDecimal change = number(now).subtract(number(prior));
                    BigDecimal expected = change.multiply(HUNDRED).divide(number(prior), MC);
                    BigDecimal diff = number(pct).subtract(expected);
                    String sev = severity(diff.abs(), rateTolerance(pct, change.abs(), number(prior)));
                    BigDecimal shown = expected.setScale(2, RoundingMode.HALF_UP);
                    out.add(new Finding("item_change/narrative", sev,
                            item(pct) + "增减率写为" + plain(number(pct)) + "%，但" + plain(number(now)) + "万元比上年"
                                    + plain(number(prior)) + "万元应为" + plain(shown) + "%。",
                            item(pct) + ": the change is given as " + plain(number(pct)) + "% but " + plain(number(now))
                                    + " against last year's " + plain(number(prior)) + " is " + plain(shown) + "%.",
                            List.of(pct, now, prior), shown, number(pct), diff.setScale(2, RoundingMode.HALF_UP)));
                }
            }
        }
    }

    private void itemRate(List<Finding> out, String rule, FieldValue rate, FieldValue actual, FieldValue budget, String what) {
        BigDecimal expected = number(actual).multiply(HUNDRED).divide(number(budget), MC);
        BigDecimal diff = number(rate).subtract(expected);
        String sev = severity(diff.abs(), rateTolerance(rate, number(actual), number(budget)));
        if (sev != null) {
            BigDecimal shown = expected.setScale(2, RoundingMode.HALF_UP);
            out.add(new Finding(rule, sev,
                    what + "写为" + plain(number(rate)) + "%，但" + plain(number(actual)) + "÷" + plain(number(budget)) + "=" + plain(shown) + "%。",
                    what + " is given as " + plain(number(rate)) + "% but " + plain(number(actual)) + " / " + plain(number(budget))
                            + " = " + plain(shown) + "%.",
                    List.of(rate, actual, budget), shown, number(rate), diff.setScale(2, RoundingMode.HALF_UP)));
        }
    }

    private static String item(FieldValue v) {
        return v.key().substring(0, v.key().indexOf('/'));
    }

    /** The record without values read from ambiguous wording: a finding never rests on them. */
    private ReportRecord confident(ReportRecord r) {
        Predicate<FieldValue> sure = v -> !looseRules.contains(v.provenance().rule());
        return new ReportRecord(r.source(), r.fields().stream().filter(sure).toList(), r.reason(), r.tables(),
                r.alternates().stream().filter(sure).toList(), r.findings());
    }

    private Optional<Finding> sum(ReportRecord r, String kind, CheckRules.Sum s) {
        Optional<FieldValue> total = r.field(s.total().forKind(kind) == null ? "" : s.total().forKind(kind));
        if (total.isEmpty()) {
            return Optional.empty();
        }
        List<FieldValue> parts = new ArrayList<>();
        for (String key : s.parts()) {
            Optional<FieldValue> part = r.field(key);
            if (part.isEmpty() && !s.missingPartsAreZero() && !s.open()) {
                return Optional.empty();
            }
            part.ifPresent(parts::add);
        }
        if (parts.size() < 2 && !(s.missingPartsAreZero() && !parts.isEmpty())) {
            return Optional.empty();
        }
        BigDecimal stated = number(total.get());
        BigDecimal sum = parts.stream().map(Rounding::number).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal diff = stated.subtract(sum);
        Tolerance tol = precision(parts, total.get()).times(HALF.multiply(BigDecimal.valueOf(parts.size() + 1)));
        if (s.open() && diff.signum() >= 0) {
            return Optional.empty(); // parts not named may make up the rest
        }
        String severity = tol.judgeDisagreement(diff.abs());
        if (severity == null) {
            return Optional.empty();
        }
        List<FieldValue> involved = new ArrayList<>(parts);
        involved.add(0, total.get());
        String names = String.join("、", parts.stream().map(p -> label(p.key())).toList());
        return Optional.of(new Finding("sum/" + s.id(), severity,
                label(total.get().key()) + plain(stated) + "万元不等于" + names + "之和" + plain(sum) + "万元，相差" + plain(diff) + "万元。",
                total.get().key() + " " + plain(stated) + " is not the sum of " + String.join(", ", parts.stream().map(FieldValue::key).toList())
                        + " (" + plain(sum) + "); difference " + plain(diff) + ".",
                involved, sum, stated, diff));
    }

    private Optional<Finding> equal(ReportRecord r, CheckRules.Equal e) {
        Optional<FieldValue> a = r.field(e.a());
        Optional<FieldValue> b = r.field(e.b());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal va = number(a.get());
        BigDecimal vb = number(b.get());
        BigDecimal diff = va.subtract(vb);
        if (e.atMost() && diff.signum() <= 0) {
            return Optional.empty();
        }
        if (e.carryOver() != null) {
            List<FieldValue> carry = CarryOver.rows(r, e.carryOver());
            if (carry.isEmpty() && e.carryOverField() != null) {
                carry = r.field(e.carryOverField()).map(List::of).orElse(List.of());
            }
            return withCarryOver(e, a.get(), b.get(), carry);
        }
        String severity = precision(List.of(a.get()), b.get()).judgeDisagreement(diff.abs());
        if (severity == null) {
            return Optional.empty();
        }
        if (severity.equals("error") && e.severity().equals("warning")) {
            severity = "warning";
        }
        String relation = e.atMost() ? "大于" : "不等于";
        return Optional.of(new Finding("equal/" + e.id(), severity,
                label(e.a()) + plain(va) + "万元" + relation + label(e.b()) + plain(vb) + "万元，相差" + plain(diff) + "万元"
                        + (e.noteZh().isEmpty() ? "。" : "；" + e.noteZh() + "。"),
                e.a() + " " + plain(va) + (e.atMost() ? " exceeds " : " differs from ") + e.b() + " " + plain(vb)
                        + " by " + plain(diff) + (e.noteEn().isEmpty() ? "." : "; " + e.noteEn() + "."),
                List.of(a.get(), b.get()), vb, va, diff));
    }

    /**
     * The year's total against the grand total, the carry-over rows the report states making up the difference.
     * Stated rows that explain the gap: nothing. Stated rows that do not: an error. None stated: a shortfall is
     * the carry-over the report does not print (information), an excess a warning.
     */
    private Optional<Finding> withCarryOver(CheckRules.Equal e, FieldValue year, FieldValue grand, List<FieldValue> carry) {
        BigDecimal vy = number(year);
        BigDecimal vg = number(grand);
        BigDecimal carried = carry.stream().map(Rounding::number).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal diff = vy.add(carried).subtract(vg);
        Tolerance tol = precision(carry.isEmpty() ? List.of(year) : concat(year, carry), grand)
                .times(HALF.multiply(BigDecimal.valueOf(carry.size() + 2)));
        String severity = tol.judgeDisagreement(diff.abs());
        if (severity == null) {
            return Optional.empty();
        }
        List<FieldValue> involved = new ArrayList<>(List.of(year, grand));
        involved.addAll(carry);
        if (carry.isEmpty()) {
            boolean shortfall = diff.signum() < 0;
            return Optional.of(new Finding("equal/" + e.id(), shortfall ? INFO : e.severity(),
                    shortfall
                            ? label(e.a()) + plain(vy) + "万元比" + label(e.b()) + plain(vg) + "万元少" + plain(diff.negate())
                                    + "万元；" + e.noteZh() + "，报告未列出此数。"
                            : label(e.a()) + plain(vy) + "万元大于" + label(e.b()) + plain(vg) + "万元，多" + plain(diff) + "万元。",
                    shortfall
                            ? e.a() + " " + plain(vy) + " is " + plain(diff.negate()) + " below " + e.b() + " " + plain(vg)
                                    + "; " + e.noteEn() + ", which the report does not print."
                            : e.a() + " " + plain(vy) + " exceeds " + e.b() + " " + plain(vg) + " by " + plain(diff) + ".",
                    involved, vg, vy, diff));
        }
        String rows = String.join("、", carry.stream().map(c -> (c.key().startsWith(CarryOver.KEY)
                ? c.key().substring(CarryOver.KEY.length()) : label(c.key())) + plain(number(c)) + "万元").toList());
        return Optional.of(new Finding("equal/" + e.id(), "error",
                label(e.a()) + plain(vy) + "万元加" + rows + "为" + plain(vy.add(carried)) + "万元，不等于" + label(e.b())
                        + plain(vg) + "万元，相差" + plain(diff) + "万元。",
                e.a() + " " + plain(vy) + " plus the carry-over the report states (" + plain(carried) + ") is "
                        + plain(vy.add(carried)) + ", not " + e.b() + " " + plain(vg) + "; difference " + plain(diff) + ".",
                involved, vg, vy.add(carried), diff));
    }

    private static List<FieldValue> concat(FieldValue first, List<FieldValue> rest) {
        List<FieldValue> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private Optional<Finding> rate(ReportRecord r, CheckRules.Rate rule) {
        Optional<FieldValue> rate = r.field(rule.rate());
        Optional<FieldValue> num = r.field(rule.numerator());
        Optional<FieldValue> den = r.field(rule.denominator());
        if (rate.isEmpty() || num.isEmpty() || den.isEmpty() || number(den.get()).signum() == 0) {
            return Optional.empty();
        }
        BigDecimal n = number(num.get());
        BigDecimal d = number(den.get());
        BigDecimal expected = n.multiply(HUNDRED).divide(d, MC);
        BigDecimal stated = number(rate.get());
        BigDecimal tol = rateTolerance(rate.get(), n, d);
        BigDecimal diff = stated.subtract(expected);
        String severity = severity(diff.abs(), tol);
        if (severity == null) {
            return Optional.empty();
        }
        BigDecimal shown = expected.setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new Finding("rate/" + rule.id(), severity,
                label(rule.rate()) + "为" + plain(stated) + "%，但" + plain(n) + "÷" + plain(d) + "=" + plain(shown) + "%。",
                rule.rate() + " is stated as " + plain(stated) + "% but " + plain(n) + " / " + plain(d) + " = " + plain(shown) + "%.",
                List.of(rate.get(), num.get(), den.get()), shown, stated, diff.setScale(2, RoundingMode.HALF_UP)));
    }

    private void change(ReportRecord r, String kind, CheckRules.Change c, List<Finding> out) {
        String valueKey = c.value().forKind(kind);
        Optional<FieldValue> value = valueKey == null ? Optional.empty() : r.field(valueKey);
        Optional<FieldValue> change = r.field(c.change());
        Optional<FieldValue> pct = r.field(c.pct());
        if (change.isEmpty() || pct.isEmpty()) {
            return;
        }
        BigDecimal ch = number(change.get());
        BigDecimal p = number(pct.get());
        // a change and its rate read from two statements may be about two things: never more than a warning
        boolean oneStatement = sameStatement(change.get(), pct.get());
        if (ch.signum() != 0 && p.signum() != 0 && ch.signum() != p.signum()) {
            out.add(new Finding("direction/" + c.id(), oneStatement ? "error" : "warning",
                    label(c.change()) + plain(ch) + "万元与" + label(c.pct()) + plain(p) + "%方向相反。",
                    c.change() + " " + plain(ch) + " and " + c.pct() + " " + plain(p) + "% go opposite ways.",
                    List.of(change.get(), pct.get()), null, p, null));
            return;
        }
        if (value.isEmpty()) {
            return;
        }
        BigDecimal prior = number(value.get()).subtract(ch);
        if (prior.signum() <= 0) {
            return;
        }
        BigDecimal expected = ch.multiply(HUNDRED).divide(prior, MC);
        BigDecimal tol = rateTolerance(pct.get(), ch.abs(), prior);
        BigDecimal diff = p.subtract(expected);
        String severity = severity(diff.abs(), tol);
        if (severity == null) {
            return;
        }
        if (!oneStatement && severity.equals("error")) {
            severity = "warning";
        }
        BigDecimal shown = expected.setScale(2, RoundingMode.HALF_UP);
        out.add(new Finding("change/" + c.id(), severity,
                label(c.pct()) + "为" + plain(p) + "%，但按增减额" + plain(ch) + "万元和上年数" + plain(prior) + "万元计算应为" + plain(shown) + "%。",
                c.pct() + " is stated as " + plain(p) + "% but the change " + plain(ch) + " on last year's " + plain(prior)
                        + " gives " + plain(shown) + "%.",
                List.of(pct.get(), change.get(), value.get()), shown, p, diff.setScale(2, RoundingMode.HALF_UP)));
    }

    /** The same quantity stated again with another value (narrative and table, or two sentences). */
    private void statedTwice(ReportRecord r, List<Finding> out) {
        Set<String> seen = new HashSet<>();
        for (FieldValue chosen : r.fields()) {
            if (!(chosen.value() instanceof BigDecimal) && !(chosen.value() instanceof Integer)) {
                continue;
            }
            for (FieldValue other : r.alternates()) {
                if (!other.key().equals(chosen.key())) {
                    continue;
                }
                BigDecimal diff = number(chosen).subtract(number(other));
                String severity = precision(List.of(other), chosen).judge(diff.abs());
                if (severity == null || !seen.add(chosen.key() + "=" + number(other).stripTrailingZeros())) {
                    continue;
                }
                boolean rounded = severity.equals(INFO);
                out.add(new Finding("stated_twice/" + chosen.key(), severity,
                        rounded
                                ? label(chosen.key()) + "两处写法取整不同：" + plain(number(chosen)) + "与" + plain(number(other))
                                        + "，相差" + plain(diff.abs()) + "万元，在取整范围内。"
                                : label(chosen.key()) + "前后两处数值不一致：" + plain(number(chosen)) + "与" + plain(number(other)) + "。",
                        rounded
                                ? chosen.key() + " is written rounded in one place: " + plain(number(chosen)) + " and "
                                        + plain(number(other)) + " are one figure rounded two ways (" + plain(diff.abs()) + " apart)."
                                : chosen.key() + " is stated twice with different values: " + plain(number(chosen)) + " and "
                                        + plain(number(other)) + ".",
                        List.of(chosen, other), number(chosen), number(other), diff.negate()));
            }
        }
    }

    private static String label(String key) {
        return FieldDictionary.field(key).map(FieldDictionary.Field::zh).orElse(key);
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** Both values were read from one sentence or table row (same page, same text). */
    private static boolean sameStatement(FieldValue a, FieldValue b) {
        return a.provenance() != null && b.provenance() != null
                && java.util.Objects.equals(a.provenance().page(), b.provenance().page())
                && java.util.Objects.equals(a.provenance().text(), b.provenance().text());
    }
}
