package org.disclosure.extractor.extract.tables;

import java.util.List;

/**
 * Places the cells of a row that has fewer cells than its table has columns, where the format dropped the spans
 * (Word tables read without their merges): which columns each cell covers. The best placement puts amounts under
 * amount columns and labels under label columns, lets labels rather than amounts span, keeps a header cell over
 * whole cells of the row below it, and leaves trailing columns empty only when nothing better fits.
 */
final class RowAligner {

    /** What a column holds, as far as the table shows it. */
    enum Role {
        CODE, CODE_PART, NAME, ROW_NUMBER, AMOUNT, UNKNOWN;

        boolean isLabel() {
            return this == CODE || this == CODE_PART || this == NAME || this == ROW_NUMBER;
        }
    }

    /** The cost of one cell covering some columns. */
    interface Costs {
        double place(int cell, int from, int span);

        double pad(int columns);
    }

    private RowAligner() {
    }

    /** The first column of each cell; cell i covers columns starts[i] up to starts[i + 1] (or {@code ends}). */
    record Placement(int[] starts, int end) {

        int span(int cell) {
            return (cell + 1 < starts.length ? starts[cell + 1] : end) - starts[cell];
        }
    }

    /** The cheapest placement of {@code cells} cells over {@code width} columns. */
    static Placement align(int cells, int width, Costs costs) {
        double[][] best = new double[cells + 1][width + 1];
        int[][] from = new int[cells + 1][width + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 0; i < cells; i++) {
            for (int j = i; j <= width - (cells - i); j++) {
                if (best[i][j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int s = 1; j + s <= width - (cells - i - 1); s++) {
                    double c = best[i][j] + costs.place(i, j, s);
                    if (c < best[i + 1][j + s]) {
                        best[i + 1][j + s] = c;
                        from[i + 1][j + s] = j;
                    }
                }
            }
        }
        int end = cells;
        double total = Double.POSITIVE_INFINITY;
        for (int j = cells; j <= width; j++) {
            double c = best[cells][j] + costs.pad(width - j);
            if (c < total - 1e-9) {
                total = c;
                end = j;
            }
        }
        int[] starts = new int[cells];
        int j = end;
        for (int i = cells; i > 0; i--) {
            starts[i - 1] = from[i][j];
            j = from[i][j];
        }
        return new Placement(starts, end);
    }

    /** Costs of placing a body row's cells: amounts under amount columns, labels under label columns. */
    static Costs body(List<String> texts, Role[] roles, boolean[] blockStarts) {
        return new Costs() {
            @Override
            public double place(int cell, int from, int span) {
                String text = texts.get(cell);
                double cost = start(text, roles[from]);
                for (int k = from + 1; k < from + span; k++) {
                    cost += extend(text, roles[k]) + (blockStarts[k] ? 3 : 0);
                }
                return cost;
            }

            @Override
            public double pad(int columns) {
                return 0.5 * columns;
            }
        };
    }

    private static double start(String text, Role role) {
        if (CellText.isNothing(text)) {
            return 0;
        }
        if (CellText.isCode(text)) {
            return switch (role) {
                case CODE, CODE_PART -> 0;
                case NAME, UNKNOWN -> 1;
                case AMOUNT -> 1.5;
                case ROW_NUMBER -> 2;
            };
        }
        if (CellText.isAmount(text)) {
            if (role == Role.CODE_PART && CellText.isCodePart(text)) {
                return 0;
            }
            return switch (role) {
                case AMOUNT -> 0;
                case ROW_NUMBER -> text.contains(".") ? 3 : 0.5;
                case UNKNOWN -> 1;
                case CODE_PART -> 2;
                case CODE -> 3;
                case NAME -> 4;
            };
        }
        return switch (role) {
            case NAME -> 0;
            case CODE, CODE_PART -> 0.5;
            case UNKNOWN -> 1;
            case ROW_NUMBER -> 3;
            case AMOUNT -> 4;
        };
    }

    private static double extend(String text, Role role) {
        if (CellText.isNothing(text)) {
            return 1;
        }
        if (CellText.isAmount(text) || CellText.isCode(text)) {
            return 3;
        }
        return role.isLabel() ? 0.2 : role == Role.UNKNOWN ? 0.5 : 3;
    }

    /**
     * Costs of placing a header row's cells over the columns and the (already placed) header row below it:
     * label words (项目, 科目编码) over label columns, other words over amount columns, a cell spanning only whole
     * cells of the row below and never a column where the row below is empty (that column is the cell above's
     * own, continued downwards), never across two side-by-side blocks.
     */
    static Costs header(List<String> texts, TableGrammar.Words words, Role[] roles, boolean[] blockStarts,
                        TableLayout.Slot[] lower) {
        int width = roles.length;
        return new Costs() {
            @Override
            public double place(int cell, int from, int span) {
                String text = CellText.squash(texts.get(cell));
                if (text.isEmpty()) {
                    return span - 1.0;
                }
                boolean label = isLabelWord(text, words);
                boolean block = words.blockWords().matcher(text).matches();
                double cost = block ? (blockStarts[from] || from == 0 ? 0 : 2)
                        : label ? (roles[from].isLabel() ? 0 : roles[from] == Role.AMOUNT ? 3 : 0.5)
                        : (roles[from] == Role.AMOUNT ? 0 : roles[from].isLabel() ? 1 : 0.2);
                if (lower != null && from > 0 && lower[from].cell() == lower[from - 1].cell()) {
                    cost += 10;
                }
                if (lower != null && span > 1 && lower[from].isEmpty()) {
                    cost += 3;
                }
                for (int k = from + 1; k < from + span; k++) {
                    cost += 0.1;
                    if (lower != null && lower[k].isEmpty()) {
                        cost += 3;
                    }
                    if (blockStarts[k]) {
                        cost += 5;
                    }
                    if (!block && label && roles[k] == Role.AMOUNT) {
                        cost += 3;
                    } else if (!block && !label && roles[k].isLabel()) {
                        cost += 1;
                    }
                }
                return cost + 0.01 * Math.abs(span - (double) width / texts.size());
            }

            @Override
            public double pad(int columns) {
                return 0.5 * columns;
            }
        };
    }

    static boolean isLabelWord(String text, TableGrammar.Words words) {
        String t = CellText.squash(text);
        return words.code().matcher(t).matches() || words.codePart().matcher(t).matches()
                || words.name().matcher(t).matches() || words.rowNumber().matcher(t).matches();
    }
}
