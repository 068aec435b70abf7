package org.disclosure.extractor.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * A place where a report contradicts itself: a total that is not the sum of its parts, a narrative
 * figure that differs from its table, a rate that does not follow from its amounts.
 *
 * @param rule       id of the check
 * @param severity   "error" where the report surely contradicts itself (both values mean the same thing and differ
 *                   beyond rounding), "warning" where wording or an unstated figure may explain it, "info" where it
 *                   does not contradict itself (two roundings of one figure, a carry-over it does not print)
 * @param messageZh  one sentence in Chinese
 * @param messageEn  the same in English
 * @param values     the values involved, each with its provenance
 * @param expected   what the report's other figures imply
 * @param actual     what the report states
 * @param difference actual − expected
 * @param symptoms   where one figure explains several findings: those findings, grouped under this one that
 *                   names the figure ("one cause, one finding"); empty otherwise
 */
public record Finding(String rule, String severity, String messageZh, String messageEn, List<FieldValue> values,
                      BigDecimal expected, BigDecimal actual, BigDecimal difference, List<Finding> symptoms) {

    public Finding {
        values = List.copyOf(values);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    }

    /** A finding of one check, with no symptoms grouped under it. */
    public Finding(String rule, String severity, String messageZh, String messageEn, List<FieldValue> values,
                   BigDecimal expected, BigDecimal actual, BigDecimal difference) {
        this(rule, severity, messageZh, messageEn, values, expected, actual, difference, List.of());
    }

    /** This finding and the findings grouped under it, as the separate checks raised them. */
    public java.util.stream.Stream<Finding> withSymptoms() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), symptoms.stream());
    }

    public boolean isError() {
        return "error".equals(severity);
    }
}
