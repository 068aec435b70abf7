package org.disclosure.extractor.report;

import java.math.BigDecimal;

/** How the pages write numbers: exactly as the record holds them, never in scientific notation. */
final class Numbers {

    private Numbers() {
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
