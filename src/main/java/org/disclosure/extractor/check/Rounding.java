package org.disclosure.extractor.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.disclosure.extractor.extract.FieldValue;

/**
 * How far a report's figures may be apart before they disagree: the rounding of each figure as printed (833万元 to
 * 0.5 万元, 8,332,285元 to 0.00005 万元, 35.25% to 0.005 point), judged strictly and as written.
 */
final class Rounding {

    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final BigDecimal HALF = new BigDecimal("0.5");

    private Rounding() {
    }

    /** null within rounding, a warning just beyond it, an error past twice the rounding. */
    static String severity(BigDecimal diff, BigDecimal tol) {
        return new Tolerance(tol, tol, tol).judge(diff);
    }

    /**
     * Rounding allowances: within strict, no finding; within what rounding as written explains ({@code written}:
     * half the last unit of each figure as printed, 833万元 beside 8,332,285元), information that the report
     * rounds, never a disagreement; within twice lenient, a warning; beyond, an error.
     */
    record Tolerance(BigDecimal strict, BigDecimal lenient, BigDecimal written) {
        Tolerance times(BigDecimal factor) {
            return new Tolerance(strict.multiply(factor), lenient.multiply(factor), written);
        }

        String judge(BigDecimal diff) {
            if (diff.compareTo(strict) <= 0) {
                return null;
            }
            if (diff.compareTo(written) <= 0) {
                return ConsistencyChecker.INFO;
            }
            return diff.compareTo(lenient.max(strict).multiply(BigDecimal.valueOf(2))) <= 0 ? "warning" : "error";
        }

        /** The severity of a disagreement, or null where rounding explains the difference. */
        String judgeDisagreement(BigDecimal diff) {
            String severity = judge(diff);
            return ConsistencyChecker.INFO.equals(severity) ? null : severity;
        }
    }

    /**
     * How far two statements of one quantity may differ. Strictly, as if every figure were written to
     * 0.01 万元 (or finer, as a table's 96,282,213.44元 is); leniently, as each figure was actually written
     * (a narrative's "8,401万元" is rounded to 1 万元). A difference beyond the strict tolerance that rounding
     * as written may explain is a warning, not an error.
     */
    static Tolerance precision(List<FieldValue> values, FieldValue other) {
        int strict = strictDecimals(other);
        int lenient = writtenAmountDecimals(other);
        BigDecimal written = halfUnit(other);
        for (FieldValue v : values) {
            strict = Math.min(strict, strictDecimals(v));
            lenient = Math.min(lenient, writtenAmountDecimals(v));
            written = written.add(halfUnit(v));
        }
        BigDecimal strictUnit = BigDecimal.ONE.movePointLeft(strict);
        return new Tolerance(strictUnit, BigDecimal.ONE.movePointLeft(lenient).max(strictUnit), written);
    }

    /** Half the last unit of an amount as printed: how far rounding may have moved it (833万元: 0.5). */
    static BigDecimal halfUnit(FieldValue v) {
        return BigDecimal.ONE.movePointLeft(writtenAmountDecimals(v)).multiply(HALF);
    }

    static int strictDecimals(FieldValue v) {
        return Math.max(2, number(v).stripTrailingZeros().scale());
    }

    /** Decimals of 万元 an amount was written to (万元 +0, 元 +4, 亿元 −4); a zero is exact however written. */
    static int writtenAmountDecimals(FieldValue v) {
        var p = v.provenance();
        if (number(v).signum() == 0 || p.spanStart() < 0 || p.spanEnd() > p.text().length()) {
            return strictDecimals(v);
        }
        String written = p.text().substring(p.spanStart(), p.spanEnd());
        int shift = written.contains("亿元") ? -4 : written.contains("万元") ? 0 : written.contains("元") ? 4 : 0;
        return Math.max(0, writtenDecimals(v) + shift);
    }

    /** Rounding of a rate as written (35.25% to 0.005, 60% to 0.5) plus what rounding of its amounts moves it. */
    static BigDecimal rateTolerance(FieldValue rate, BigDecimal num, BigDecimal den) {
        BigDecimal own = BigDecimal.ONE.movePointLeft(writtenDecimals(rate)).multiply(HALF);
        BigDecimal amountUnit = CENT.multiply(HALF);
        BigDecimal spread = HUNDRED.multiply(amountUnit).multiply(BigDecimal.ONE.divide(den.abs(), MC)
                .add(num.abs().divide(den.multiply(den), MC)));
        return own.add(spread);
    }

    /** Decimals of the figure as the report printed it (from its provenance span). */
    static int writtenDecimals(FieldValue v) {
        var p = v.provenance();
        if (p.spanStart() >= 0 && p.spanEnd() <= p.text().length()) {
            String written = p.text().substring(p.spanStart(), p.spanEnd()).replaceAll("[^0-9.]", "");
            int dot = written.indexOf('.');
            return dot < 0 ? 0 : written.length() - dot - 1;
        }
        return Math.max(0, number(v).stripTrailingZeros().scale());
    }

    static BigDecimal number(FieldValue v) {
        Object o = v.value();
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        return new BigDecimal(String.valueOf(o));
    }
}
