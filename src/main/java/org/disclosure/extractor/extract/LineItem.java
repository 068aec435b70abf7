package org.disclosure.extractor.extract;

import java.math.BigDecimal;

/**
 * One amount of a standard table, in long form: which table, which row (classification code and name),
 * which column, the amount in 万元, and where it stands.
 *
 * @param table      canonical table id (income_expenditure_total, three_public …), or "narrative" for line items
 *                   read from the narrative's 具体情况 section
 * @param title      the table's title as printed
 * @param page       page of the cell, where the format has pages
 * @param rowCode    classification code of the row (类 201, 款 20101, 项 2010101, or economic 301/30101), or ""
 * @param rowName    the row's name as printed (项目 column), without its code
 * @param column     the meaning of the column (本年收入合计, 财政拨款收入, 基本支出, 项目支出, 预算数, 决算数 …)
 * @param amount     the amount in 万元
 * @param provenance where the cell was read
 */
public record LineItem(String table, String title, Integer page, String rowCode, String rowName, String column,
                       BigDecimal amount, Provenance provenance) {
}
