package org.disclosure.extractor.check;

import java.math.BigDecimal;
import org.disclosure.extractor.extract.FieldDictionary;

/** How a finding's sentences name a field and write a figure. */
final class FindingWords {

    private FindingWords() {
    }

    /** A field's Chinese name from the field dictionary (三公经费预算), else its key. */
    static String label(String key) {
        return FieldDictionary.field(key).map(FieldDictionary.Field::zh).orElse(key);
    }

    /** A figure as a sentence writes it: no trailing zeros, no exponent; a confidence to a tenth. */
    static String plain(Object o) {
        if (o instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        if (o instanceof Float f) {
            return plain(new BigDecimal(Float.toString(f)).setScale(1, java.math.RoundingMode.HALF_UP));
        }
        return String.valueOf(o);
    }
}
