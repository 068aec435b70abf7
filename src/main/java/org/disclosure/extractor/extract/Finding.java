package org.disclosure.extractor.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * A place where a report contradicts itself: a total that is not the sum of its parts, a narrative
 * figure that differs from its table, a rate that does not follow from its amounts.
 *
 * @param rule       id of the check
 * @param severity   "error" where arithmetic is clearly violated, "warning" where rounding or wording may explain it
 * @param messageZh  one sentence in Chinese
 * @param messageEn  the same in English
 * @param values     the values involved, each with its provenance
 * @param expected   what the report's other figures imply
 * @param actual     what the report states
 * @param difference actual − expected
 */
public record Finding(String rule, String severity, String messageZh, String messageEn, List<FieldValue> values,
                      BigDecimal expected, BigDecimal actual, BigDecimal difference) {

    public Finding {
        values = List.copyOf(values);
    }

    public boolean isError() {
        return "error".equals(severity);
    }
}
