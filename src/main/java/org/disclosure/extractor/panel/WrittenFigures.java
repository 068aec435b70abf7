package org.disclosure.extractor.panel;

import java.math.BigDecimal;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Provenance;

/**
 * How exactly a report wrote a figure, from the characters its provenance marks: 2214.39万元 to 0.01 万元, 833万元 to
 * 1 万元, 8,332,285元 to 0.0001 万元 — so that two statements of one figure are told apart from two figures.
 */
final class WrittenFigures {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private WrittenFigures() {
    }

    /**
     * Half the last unit of a figure as the report wrote it (2214.39万元: 0.005; 833万元: 0.5); a figure whose writing
     * is not known, or a zero, is taken as written to its own decimals and at least to 0.01 万元.
     */
    static BigDecimal halfUnit(FieldValue v) {
        Provenance p = v.provenance();
        int decimals = Math.max(2, number(v).stripTrailingZeros().scale());
        if (number(v).signum() != 0 && p.spanStart() >= 0 && p.spanEnd() <= p.text().length() && p.spanStart() < p.spanEnd()) {
            String written = p.text().substring(p.spanStart(), p.spanEnd());
            String digits = written.replaceAll("[^0-9.]", "");
            int dot = digits.indexOf('.');
            int shown = dot < 0 ? 0 : digits.length() - dot - 1;
            int shift = written.contains("亿元") ? -4 : written.contains("万元") || written.contains("%") ? 0
                    : written.contains("元") ? 4 : 0;
            decimals = Math.max(0, shown + shift);
        }
        return BigDecimal.ONE.movePointLeft(decimals).multiply(HALF);
    }

    /** Whether two statements may be one figure rounded two ways (9626.78 and 9626.777589). */
    static boolean sameFigure(FieldValue a, FieldValue b) {
        if (!(a.value() instanceof BigDecimal) && !(b.value() instanceof BigDecimal)) {
            return java.util.Objects.equals(a.value(), b.value());
        }
        return number(a).subtract(number(b)).abs().compareTo(halfUnit(a).add(halfUnit(b))) <= 0;
    }

    static BigDecimal number(FieldValue v) {
        return v.value() instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(v.value()));
    }
}
