package org.disclosure.extractor.output;

/** Which header rows a table is written with: the Chinese names with units, the keys, or both (Chinese first). */
public enum Headers {
    /** Row 1 the Chinese names with units (公务接待费（万元）), row 2 the keys (three_public.reception). */
    BOTH,
    /** The Chinese names with units only. */
    ZH,
    /** The keys only, as scripts and databases name the columns. */
    KEY;

    /** The mode an option names: both, zh or key (any case). */
    public static Headers of(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
