package org.disclosure.extractor.output;

/**
 * One column of an output table, as every format writes it.
 *
 * @param key  the column's name for scripts and databases (a field key such as {@code three_public.reception}, or
 *             {@code file}, {@code department} …)
 * @param zh   its Chinese header for people, without the unit
 * @param type what its cells hold; decides the CSV form, the spreadsheet cell type and the database column type
 * @param unit 万元, %, or "" — shown in the Chinese header as 公务接待费（万元）
 */
public record Column(String key, String zh, Type type, String unit) {

    /** What a column's cells hold (cells are null where empty). */
    public enum Type {
        /** a String */
        TEXT,
        /** a String of digits that must stay text (科目 codes like 01, 2010101; region codes) */
        CODE,
        /** an Integer or Long (years, counts, pages) */
        INTEGER,
        /** a BigDecimal written with its own scale (amounts in 万元, percentages, scores) */
        DECIMAL,
        /** a Boolean */
        BOOLEAN
    }

    public Column {
        unit = unit == null ? "" : unit;
    }

    /** Its name in databases and Parquet files: the key with dots made underscores (doc_department). */
    public String databaseName() {
        return key.replace('.', '_');
    }

    /** The Chinese header with its unit: 公务接待费（万元）. */
    public String zhWithUnit() {
        return unit.isEmpty() ? zh : zh + "（" + unit + "）";
    }
}
