package org.disclosure.extractor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report's general-budget appropriation expenditure by 类 (the three-digit function codes 201, 204 …), read from
 * its table of that expenditure: the rows with a 类 code, in the table's total column.
 */
final class ByClass {

    record Line(String code, String name, BigDecimal amount, String title, int page) {
    }

    /** Column names that hold a row's whole expenditure, best first (the table's other columns are its parts). */
    private static final List<String> TOTAL_COLUMNS = List.of("合计", "小计", "总计", "决算数", "预算数");

    private ByClass() {
    }

    static List<Line> of(JsonNode record) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode i : record.path("tables")) {
            if (isClassRow(i)) {
                columns.add(i.path("column").asText());
            }
        }
        String column = chosen(columns);
        if (column == null) {
            return List.of();
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        for (JsonNode i : record.path("tables")) {
            if (isClassRow(i) && i.path("column").asText().equals(column) && i.path("amount").isNumber()) {
                lines.putIfAbsent(i.path("row_code").asText(), new Line(i.path("row_code").asText(),
                        i.path("row_name").asText(), i.path("amount").decimalValue(), i.path("title").asText(),
                        i.path("page").asInt()));
            }
        }
        return new ArrayList<>(lines.values());
    }

    private static boolean isClassRow(JsonNode item) {
        return item.path("table").asText().equals("general_budget_expenditure")
                && item.path("row_code").asText().matches("\\d{3}");
    }

    private static String chosen(Set<String> columns) {
        if (columns.size() == 1) {
            return columns.iterator().next();
        }
        for (String wanted : TOTAL_COLUMNS) {
            for (String c : columns) {
                String last = c.substring(c.lastIndexOf('/') + 1);
                if (last.equals(wanted)) {
                    return c;
                }
            }
        }
        return null;
    }
}
