package org.disclosure.extractor.check;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.SectionTree;
import org.disclosure.extractor.text.Amounts;

/**
 * Stated directions and changes against their own figures (grammars/stated_directions.yaml): 决算数大于预算数
 * said of an actual below its budget; a change whose rate does not follow from the figure and the change beside
 * it, or goes the other way. Only where all figures stand in the same paragraph and the words are definite.
 */
final class StatedDirections {

    private enum Direction { UP, DOWN, FLAT }

    /** A figure as printed: its value in 万元 and where it stands in the paragraph. */
    private record Figure(BigDecimal wan, BigDecimal rounding, int start, int end) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String AMOUNT = "(?:" + Amounts.NUMBER + ")\\s*(?:" + Amounts.UNIT + ")";
    private static final Pattern FIGURE = Pattern.compile("(" + Amounts.NUMBER + ")\\s*(" + Amounts.UNIT + ")");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private final Pattern budget;
    private final Pattern actual;
    private final Pattern above;
    private final Pattern below;
    private final Pattern equal;
    private final Pattern undecided;
    private final Pattern change;
    private final Pattern up;
    private final List<Pattern> twoFigures = new ArrayList<>();
    private final Pattern changeAmount;

    private StatedDirections(JsonNode root) {
        JsonNode c = root.path("comparison");
        budget = Pattern.compile(c.path("budget").asText().replace("{amount}", "(" + AMOUNT + ")"));
        actual = Pattern.compile(c.path("actual").asText().replace("{amount}", "(" + AMOUNT + ")"));
        above = Pattern.compile(c.path("above").asText());
        below = Pattern.compile(c.path("below").asText());
        equal = Pattern.compile(c.path("equal").asText());
        undecided = Pattern.compile(c.path("undecided").asText());
        JsonNode ch = root.path("change");
        String words = "(" + ch.path("up").asText() + "|" + ch.path("down").asText() + ")";
        // a direction followed by its alternative in brackets (增加（减少）) is no direction: the pattern cannot match it
        change = Pattern.compile(ch.path("sentence").asText().replace("{amount}", "(" + AMOUNT + ")")
                .replace("{direction}", words + "(?![（(/、或])"));
        up = Pattern.compile("^(?:" + ch.path("up").asText() + ")$");
        for (JsonNode p : root.path("two_figures")) {
            twoFigures.add(Pattern.compile(p.asText().replace("{amount}", "(" + AMOUNT + ")")
                    .replace("{direction}", words + "(?![（(/、或])")));
        }
        changeAmount = Pattern.compile("^\\s*(?:了|为)?\\s*(" + AMOUNT + ")");
    }

    static StatedDirections load() {
        try (InputStream in = GrammarFiles.open("stated_directions.yaml")) {
            return new StatedDirections(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stated_directions.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    /** Every paragraph of the report proper: its comparisons of actual with budget, its changes with their rates. */
    List<Finding> check(Document doc, SectionTree tree) {
        List<Finding> out = new ArrayList<>();
        List<Block> blocks = doc.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (block.isTable() || tree.scopeOf(b) != Scope.MAIN) {
                continue;
            }
            String section = tree.pathOf(b);
            Provenance at = new Provenance(doc.file(), block.page(), section.isEmpty() ? null : section, block.text(),
                    -1, -1, "stated_directions");
            comparisons(block.text(), at, out);
            changes(block.text(), at, out);
            twoFigures(block.text(), at, out);
        }
        return out;
    }

    /** 决算数大于/小于/等于预算数 against the budget and actual stated just before it. */
    void comparisons(String text, Provenance at, List<Finding> out) {
        if (undecided.matcher(text).find()) {
            return;
        }
        for (Claim claim : claims(text)) {
            Figure b = last(budget, text, claim.start());
            Figure a = last(actual, text, claim.start());
            if (a == null || b == null || a.start() == b.start()) {
                continue;
            }
            // the pair stands together, and nothing else is an amount between it and the claim
            int pairStart = Math.min(a.start(), b.start());
            int pairEnd = Math.max(a.end(), b.end());
            if (amounts(text, Math.min(a.end(), b.end()), Math.max(a.start(), b.start())) > 0
                    || amounts(text, pairEnd, claim.start()) > 0 || text.substring(pairStart, claim.start()).contains("。")
                    && text.substring(pairEnd, claim.start()).length() > 2) {
                continue;
            }
            BigDecimal diff = a.wan().subtract(b.wan());
            BigDecimal tol = a.rounding().add(b.rounding());
            boolean wrong = switch (claim.direction()) {
                case UP -> diff.compareTo(tol.negate()) < 0;
                case DOWN -> diff.compareTo(tol) > 0;
                case FLAT -> diff.abs().compareTo(tol) > 0;
            };
            if (!wrong) {
                continue;
            }
            // beyond the rounding of both figures the order of the two is sure; 持平 may be said loosely
            String severity = claim.direction() != Direction.FLAT ? "error" : "warning";
            String word = text.substring(claim.start(), claim.end());
            out.add(new Finding("comparison_direction/narrative", severity,
                    "文中说“" + word + "”，但决算数" + plain(a.wan()) + "万元" + (diff.signum() < 0 ? "小于" : diff.signum() > 0 ? "大于" : "等于")
                            + "预算数" + plain(b.wan()) + "万元（相差" + plain(diff) + "万元）。",
                    "The text says \"" + word + "\" but the actual " + plain(a.wan()) + " is "
                            + (diff.signum() < 0 ? "below" : "above") + " the budget " + plain(b.wan()) + " (difference "
                            + plain(diff) + ").",
                    List.of(value("comparison/actual", a, at), value("comparison/budget", b, at)), b.wan(), a.wan(), diff));
        }
    }

    private record Claim(Direction direction, int start, int end) {
    }

    private List<Claim> claims(String text) {
        List<Claim> claims = new ArrayList<>();
        for (Matcher m = above.matcher(text); m.find(); ) {
            claims.add(new Claim(Direction.UP, m.start(), m.end()));
        }
        for (Matcher m = below.matcher(text); m.find(); ) {
            claims.add(new Claim(Direction.DOWN, m.start(), m.end()));
        }
        for (Matcher m = equal.matcher(text); m.find(); ) {
            String around = text.substring(Math.max(0, m.start() - 2), Math.min(text.length(), m.end() + 1));
            if (!around.contains("基本")) {
                claims.add(new Claim(Direction.FLAT, m.start(), m.end()));
            }
        }
        claims.sort(java.util.Comparator.comparingInt(Claim::start));
        return claims;
    }

    /** The last figure the pattern finds ending before {@code before}, or null. */
    private static Figure last(Pattern p, String text, int before) {
        Figure found = null;
        Matcher m = p.matcher(text);
        m.region(0, before);
        while (m.find()) {
            Figure f = figure(text, m.start(1), m.end(1));
            if (f != null) {
                found = f;
            }
        }
        return found;
    }

    private static int amounts(String text, int from, int to) {
        if (from >= to) {
            return 0;
        }
        int n = 0;
        for (Matcher m = FIGURE.matcher(text.substring(from, to)); m.find(); ) {
            n++;
        }
        return n;
    }

    /** A figure, its change and the rate of the change: the rate must follow from them, and go their way. */
    void changes(String text, Provenance at, List<Finding> out) {
        Matcher m = change.matcher(text);
        while (m.find()) {
            Figure now = figure(text, m.start(1), m.end(1));
            Figure ch = figure(text, m.start(3), m.end(3));
            if (now == null || ch == null || enumerated(text, m.start(1))) {
                continue;
            }
            boolean changeUp = up.matcher(m.group(2)).matches();
            boolean rateUp = up.matcher(m.group(4)).matches();
            BigDecimal signed = changeUp ? ch.wan() : ch.wan().negate();
            BigDecimal prior = now.wan().subtract(signed);
            String rateText = m.group(5);
            BigDecimal rate = new BigDecimal(rateText);
            // a rate cut off rather than rounded (36.586 % printed 36.58 %) is within a whole unit of its last digit
            Figure pct = new Figure(rate, BigDecimal.ONE.movePointLeft(decimals(rateText)), m.start(5), m.end(5));
            if (prior.signum() <= 0 || rate.signum() == 0 && ch.wan().signum() == 0) {
                continue;
            }
            if (changeUp != rateUp && rate.signum() != 0 && ch.wan().signum() != 0) {
                out.add(new Finding("change_direction/sentence", "error",
                        "同一句中变动额为" + m.group(2) + plain(ch.wan()) + "万元，变动率却为" + m.group(4) + rateText + "%，方向相反。",
                        "The same sentence gives the change as " + (changeUp ? "up " : "down ") + plain(ch.wan())
                                + " but its rate as " + (rateUp ? "up " : "down ") + rateText + "%.",
                        List.of(value("change/amount", ch, at), value("change/rate", pct, at)), null, rate, null));
                continue;
            }
            BigDecimal expected = ch.wan().multiply(HUNDRED).divide(prior, MC);
            BigDecimal tol = pct.rounding().add(HUNDRED.multiply(ch.rounding().add(now.rounding()).divide(prior, MC))
                    .add(HUNDRED.multiply(ch.wan()).multiply(ch.rounding().add(now.rounding())).divide(prior.multiply(prior), MC)));
            BigDecimal diff = rate.subtract(expected);
            if (diff.abs().compareTo(tol) <= 0) {
                continue;
            }
            String severity = diff.abs().compareTo(tol.multiply(BigDecimal.valueOf(2))) > 0 ? "error" : "warning";
            BigDecimal shown = expected.setScale(2, RoundingMode.HALF_UP);
            out.add(new Finding("change_rate/sentence", severity,
                    plain(now.wan()) + "万元" + m.group(2) + plain(ch.wan()) + "万元，即上年为" + plain(prior) + "万元，变动率应为"
                            + plain(shown) + "%，文中写为" + rateText + "%。",
                    plain(now.wan()) + " changed by " + plain(signed) + " on last year's " + plain(prior) + " is " + plain(shown)
                            + "%, but the text gives " + rateText + "%.",
                    List.of(value("change/rate", pct, at), value("change/value", now, at), value("change/amount", ch, at)),
                    shown, rate, diff.setScale(2, RoundingMode.HALF_UP)));
        }
    }

    /**
     * This year's figure and last year's, then the direction between them (and perhaps the change): the word must
     * go the figures' way, and the change be their difference.
     */
    void twoFigures(String text, Provenance at, List<Finding> out) {
        for (Pattern p : twoFigures) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Figure now = figure(text, m.start(1), m.end(1));
                Figure prior = figure(text, m.start(2), m.end(2));
                if (now == null || prior == null || enumerated(text, m.start(1))) {
                    continue;
                }
                boolean saidUp = up.matcher(m.group(3)).matches();
                BigDecimal diff = now.wan().subtract(prior.wan());
                BigDecimal tol = now.rounding().add(prior.rounding());
                List<FieldValue> values = new ArrayList<>(List.of(value("change/value", now, at), value("change/prior", prior, at)));
                if (saidUp ? diff.compareTo(tol.negate()) < 0 : diff.compareTo(tol) > 0) {
                    out.add(new Finding("change_direction/sentence", "error",
                            "文中说" + m.group(3) + "，但本年" + plain(now.wan()) + "万元" + (diff.signum() < 0 ? "少于" : "多于")
                                    + "上年" + plain(prior.wan()) + "万元（相差" + plain(diff) + "万元）。",
                            "The text says " + (saidUp ? "up" : "down") + " but this year's " + plain(now.wan())
                                    + " against last year's " + plain(prior.wan()) + " goes the other way.",
                            values, prior.wan(), now.wan(), diff));
                    continue;
                }
                Matcher c = changeAmount.matcher(text.substring(m.end()));
                Figure ch = c.find() ? figure(text, m.end() + c.start(1), m.end() + c.end(1)) : null;
                if (ch == null) {
                    continue;
                }
                BigDecimal off = ch.wan().subtract(diff.abs());
                BigDecimal chTol = tol.add(ch.rounding());
                if (off.abs().compareTo(chTol) > 0) {
                    values.add(value("change/amount", ch, at));
                    out.add(new Finding("change_amount/sentence",
                            off.abs().compareTo(chTol.multiply(BigDecimal.valueOf(2))) > 0 ? "error" : "warning",
                            "本年" + plain(now.wan()) + "万元与上年" + plain(prior.wan()) + "万元相差" + plain(diff.abs())
                                    + "万元，文中写" + m.group(3) + plain(ch.wan()) + "万元。",
                            "This year's " + plain(now.wan()) + " and last year's " + plain(prior.wan()) + " differ by "
                                    + plain(diff.abs()) + ", but the text gives " + plain(ch.wan()) + ".",
                            values, diff.abs(), ch.wan(), off));
                }
            }
        }
    }

    /**
     * The figure is the last of a list (其中：一般公共预算拨款…、其他收入3,444.00万元，较上年减少…): the change is the
     * whole's, stated before the list, not the figure's.
     */
    private static boolean enumerated(String text, int figure) {
        int from = Math.max(text.lastIndexOf('。', figure), text.lastIndexOf('；', figure)) + 1;
        return text.substring(from, figure).contains("其中");
    }

    /** A printed amount in 万元 and half a unit of its last digit (in 万元). */
    private static Figure figure(String text, int start, int end) {
        Matcher m = FIGURE.matcher(text.substring(start, end));
        if (!m.find()) {
            return null;
        }
        BigDecimal wan = Amounts.toWan(Amounts.number(m.group(1)), m.group(2));
        BigDecimal half = Amounts.toWan(BigDecimal.ONE.movePointLeft(decimals(m.group(1))).multiply(HALF), m.group(2));
        return new Figure(wan, half, start, end);
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    private static FieldValue value(String key, Figure f, Provenance at) {
        return new FieldValue(key, f.wan(), key.endsWith("rate") ? "%" : "万元",
                new Provenance(at.file(), at.page(), at.section(), at.text(), f.start(), f.end(), at.rule()));
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
