package org.disclosure.extractor.extract;

/**
 * One field of a record: its dotted key from the field dictionary, its value
 * (BigDecimal amounts in 万元 and percents, Integer counts and years, String names and kinds), and where it came from.
 */
public record FieldValue(String key, Object value, String unit, Provenance provenance) {
}
