package org.disclosure.extractor.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.ReportRecord;

/**
 * The carry-over rows a report's 收支总表 states (上年结转结余, 年末结转和结余, 结余分配 …): the figures that make up
 * the difference between the year's income or expenditure and the grand total. A row printed once per column
 * block of a side-by-side table counts once; a 其中 row is part of the row above it and is not counted again.
 */
final class CarryOver {

    /** Key prefix of a carry-over row taken as a value of a finding: "carry_over:上年结转". */
    static final String KEY = "carry_over:";

    private static final String TABLE = "income_expenditure_total";

    private CarryOver() {
    }

    static List<FieldValue> rows(ReportRecord r, Pattern rowName) {
        List<FieldValue> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LineItem i : r.tables()) {
            String name = i.rowName().replaceAll("^[（(]?[一二三四五六七八九十0-9]{1,2}[)）、.．]\\s*", "").strip();
            if (!i.table().equals(TABLE) || !rowName.matcher(name).find() || i.amount() == null) {
                continue;
            }
            if (seen.add(name)) {
                out.add(new FieldValue(KEY + name, i.amount(), "万元", i.provenance()));
            }
        }
        return out;
    }
}
