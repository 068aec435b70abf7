package org.disclosure.extractor.panel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One department in one year: its budget and its final accounts side by side (either may be missing), the names
 * its reports gave it, and the changes on the previous year computed from the previous year's reports of the same
 * kind (derived by the panel, never stated by a report).
 *
 * @param identity       the department across years
 * @param scope          部门 (the department with its units), 单位 (one unit) or 未说明
 * @param year           the fiscal year
 * @param department     its name as its latest report of the year wrote it
 * @param names          every name its reports gave it, as written, with the files: 江苏省委办公厅（010-….pdf）
 * @param region         where it is
 * @param budget         its budget report of the year, or null
 * @param finalAccounts  its final accounts of the year, or null
 * @param budgetChanges  key → this year's budget figure − last year's, where both budgets state it
 * @param finalChanges   key → this year's final-accounts figure − last year's, where both state it
 */
public record PanelRow(DepartmentIdentity identity, String scope, int year, String department, List<String> names,
                       PanelRecord.Region region, KindReport budget, KindReport finalAccounts,
                       Map<String, BigDecimal> budgetChanges, Map<String, BigDecimal> finalChanges) {

    public PanelRow {
        names = List.copyOf(names);
        budgetChanges = Map.copyOf(budgetChanges);
        finalChanges = Map.copyOf(finalChanges);
    }

    /** The report of a kind (budget, final_accounts), or null. */
    public KindReport report(String kind) {
        return Kinds.BUDGET.equals(kind) ? budget : Kinds.FINAL.equals(kind) ? finalAccounts : null;
    }

    public Map<String, BigDecimal> changes(String kind) {
        return Kinds.BUDGET.equals(kind) ? budgetChanges : finalChanges;
    }

    /** The two kinds of report the panel sets side by side. */
    public static final class Kinds {
        public static final String BUDGET = "budget";
        public static final String FINAL = "final_accounts";
        public static final List<String> ALL = List.of(BUDGET, FINAL);

        private Kinds() {
        }

        /** 预算 or 决算. */
        public static String zh(String kind) {
            return BUDGET.equals(kind) ? "预算" : "决算";
        }
    }
}
