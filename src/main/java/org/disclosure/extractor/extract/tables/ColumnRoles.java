package org.disclosure.extractor.extract.tables;

import java.util.List;
import org.disclosure.extractor.extract.tables.RowAligner.Role;
import org.disclosure.extractor.extract.tables.TableLayout.Slot;

/**
 * What each column of a table holds, from the words heading it (科目编码, 类/款/项, 科目名称, 行次) and the cells
 * under it (codes, names, amounts); and where side-by-side blocks begin (a label column after amount columns).
 */
final class ColumnRoles {

    private ColumnRoles() {
    }

    /**
     * The role of each column.
     *
     * @param complete the rows are all laid over the columns; else only rows with a cell per column are read
     */
    static Role[] of(List<Slot[]> header, List<Slot[]> body, int width, TableGrammar.Words words, boolean complete) {
        Role[] roles = new Role[width];
        for (int c = 0; c < width; c++) {
            roles[c] = decide(headerRole(header, c, width, words, complete), bodyRole(body, c, width, complete));
            if (c > 0 && roles[c] == Role.AMOUNT && (roles[c - 1] == Role.CODE || roles[c - 1] == Role.CODE_PART)
                    && onlyCodeParts(body, c, width, complete)) {
                roles[c - 1] = Role.CODE_PART;
                roles[c] = Role.CODE_PART;
            }
        }
        return roles;
    }

    /** 类 | 款 | 项 printed without their header words: two-digit parts right of a code column ("201 | 40 | 01"). */
    private static boolean onlyCodeParts(List<Slot[]> body, int c, int width, boolean complete) {
        int parts = 0;
        for (Slot[] row : body) {
            if (!complete && row.length != width || c >= row.length || !row[c].origin() || row[c].isEmpty()) {
                continue;
            }
            if (!CellText.squash(row[c].text()).matches("[0-9]{2}")) {
                return false;
            }
            parts++;
        }
        return parts > 0;
    }

    /** Columns where a new side-by-side block begins: a label column after amount columns. */
    static boolean[] blockStarts(Role[] roles) {
        boolean[] starts = new boolean[roles.length];
        boolean amountSeen = false;
        for (int c = 0; c < roles.length; c++) {
            Role r = roles[c];
            if (r == Role.AMOUNT) {
                amountSeen = true;
            } else if (r == Role.CODE || r == Role.CODE_PART || r == Role.NAME) {
                if (amountSeen) {
                    starts[c] = true;
                }
                amountSeen = false;
            }
        }
        return starts;
    }

    private static Role decide(Role header, Role body) {
        if (header == null) {
            return body;
        }
        return switch (header) {
            case CODE_PART, ROW_NUMBER, CODE -> header;
            case NAME -> body == Role.CODE ? Role.CODE : Role.NAME;
            default -> body == Role.NAME ? Role.NAME : Role.AMOUNT;
        };
    }

    /** The role the lowest header word over the column says (block words like 收入 say nothing); null if none. */
    private static Role headerRole(List<Slot[]> header, int c, int width, TableGrammar.Words words, boolean complete) {
        for (int r = header.size() - 1; r >= 0; r--) {
            Slot[] row = header.get(r);
            if (!complete && row.length != width || c >= row.length) {
                continue;
            }
            String t = CellText.squash(row[c].text());
            if (t.isEmpty() || words.blockWords().matcher(t).matches()) {
                continue;
            }
            if (words.codePart().matcher(t).matches()) {
                return Role.CODE_PART;
            }
            if (words.code().matcher(t).matches()) {
                return Role.CODE;
            }
            if (words.rowNumber().matcher(t).matches()) {
                return Role.ROW_NUMBER;
            }
            if (words.name().matcher(t).matches()) {
                return Role.NAME;
            }
            return Role.AMOUNT;
        }
        return null;
    }

    /** The role the body's cells say: mostly names, mostly codes, or amounts; UNKNOWN where all are empty. */
    private static Role bodyRole(List<Slot[]> body, int c, int width, boolean complete) {
        int amounts = 0;
        int codes = 0;
        int texts = 0;
        for (Slot[] row : body) {
            if (!complete && row.length != width || c >= row.length || !row[c].origin()) {
                continue;
            }
            String t = row[c].text();
            if (CellText.isNothing(t)) {
                continue;
            }
            if (CellText.isCode(t)) {
                codes++;
            } else if (CellText.isAmount(t)) {
                amounts++;
            } else {
                texts++;
            }
        }
        if (texts > amounts + codes) {
            return Role.NAME;
        }
        if (codes > 0 && codes >= amounts) {
            return Role.CODE;
        }
        return amounts > 0 ? Role.AMOUNT : Role.UNKNOWN;
    }
}
