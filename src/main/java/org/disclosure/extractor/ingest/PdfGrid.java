package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disclosure.extractor.ingest.PdfLattice.Segment;

/**
 * A ruled table's grid ({@link PdfLattice}): the positions of its rules cut it into rows and columns (x to the
 * right, y down the page), and two neighbouring grid cells with no rule between them are one merged cell.
 *
 * @param xs       grid line positions, left to right
 * @param ys       grid line positions, top to bottom
 * @param regions  the cells in reading order (by top row, then left column)
 * @param regionAt index into {@code regions} of the cell covering each row and column
 */
record PdfGrid(double[] xs, double[] ys, List<PdfGrid.Region> regions, int[][] regionAt) {

    /** Grid lines closer than this (pt) are one: a row or column cannot be thinner. */
    private static final double MIN_CELL = 4;
    /** Share of a cell side a rule must cover to separate two cells. */
    private static final double COVERED = 0.5;

    /**
     * A cell of the grid: rows {@code row} to {@code lastRow} and columns {@code col} to {@code lastCol} (inclusive).
     */
    record Region(int row, int col, int lastRow, int lastCol) {
        int rowSpan() {
            return lastRow - row + 1;
        }

        int colSpan() {
            return lastCol - col + 1;
        }
    }

    double left() {
        return xs[0];
    }

    double right() {
        return xs[xs.length - 1];
    }

    double top() {
        return ys[0];
    }

    int rows() {
        return ys.length - 1;
    }

    int columns() {
        return xs.length - 1;
    }

    /** Index into {@link #regions()} of the cell containing the point, or -1 outside the table. */
    int regionAt(double x, double y) {
        int c = slot(xs, x);
        int r = slot(ys, y);
        return c < 0 || r < 0 ? -1 : regionAt[r][c];
    }

    private static int slot(double[] lines, double v) {
        if (v < lines[0] || v > lines[lines.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(lines, v);
        i = i >= 0 ? i : -i - 2;
        return Math.min(Math.max(i, 0), lines.length - 2);
    }

    /**
     * The grid of one set of crossing rules, or null when it has fewer than two columns: a frame around text is no
     * table. The outermost rules bound the table even where the frame is open (no outer verticals).
     */
    static PdfGrid of(List<Segment> h, List<Segment> v) {
        double[] xs = lines(v, h);
        double[] ys = lines(h, v);
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        if (rows < 1 || cols < 2) {
            return null;
        }
        // a missing rule between two neighbouring grid cells joins them
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                if (!covered(v, xs[c + 1], ys[r], ys[r + 1])) {
                    PdfLattice.union(parent, r * cols + c, r * cols + c + 1);
                }
            }
        }
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!covered(h, ys[r + 1], xs[c], xs[c + 1])) {
                    PdfLattice.union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        int[][] regionAt = rectangles(parent, rows, cols);
        return compact(xs, ys, regionAt);
    }

    /**
     * Positions of the grid lines the rules {@code rules} make across the table (rules closer than
     * {@link #MIN_CELL} are one), plus the outer edges the crossing rules {@code across} reach beyond them: a
     * table whose frame is open on the sides is still bounded by the ends of its horizontal rules.
     */
    private static double[] lines(List<Segment> rules, List<Segment> across) {
        double[] at = rules.stream().mapToDouble(Segment::at).sorted().toArray();
        List<Double> lines = new ArrayList<>();
        int i = 0;
        while (i < at.length) {
            int j = i + 1;
            double sum = at[i];
            while (j < at.length && at[j] - at[j - 1] < MIN_CELL) {
                sum += at[j];
                j++;
            }
            lines.add(sum / (j - i));
            i = j;
        }
        double from = across.stream().mapToDouble(Segment::from).min().orElseThrow();
        double to = across.stream().mapToDouble(Segment::to).max().orElseThrow();
        if (from < lines.get(0) - MIN_CELL) {
            lines.add(0, from);
        }
        if (to > lines.get(lines.size() - 1) + MIN_CELL) {
            lines.add(to);
        }
        return lines.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether rules at {@code at} cover enough of the side from {@code from} to {@code to}. */
    private static boolean covered(List<Segment> rules, double at, double from, double to) {
        double length = to - from;
        double covered = 0;
        for (Segment s : rules) {
            if (Math.abs(s.at() - at) < MIN_CELL) {
                covered += Math.max(0, Math.min(to, s.to()) - Math.max(from, s.from()));
            }
        }
        return covered >= COVERED * length;
    }

    /**
     * Grid cells grouped into rectangles: groups of joined cells, where a group that is not a rectangle (or whose
     * bounding box overlaps another's) takes in all the cells of its bounding box.
     */
    private static int[][] rectangles(int[] parent, int rows, int cols) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int n = rows * cols;
            int[] minR = new int[n], minC = new int[n], maxR = new int[n], maxC = new int[n];
            Arrays.fill(minR, Integer.MAX_VALUE);
            Arrays.fill(minC, Integer.MAX_VALUE);
            Arrays.fill(maxR, -1);
            Arrays.fill(maxC, -1);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int g = PdfLattice.find(parent, r * cols + c);
                    minR[g] = Math.min(minR[g], r);
                    maxR[g] = Math.max(maxR[g], r);
                    minC[g] = Math.min(minC[g], c);
                    maxC[g] = Math.max(maxC[g], c);
                }
            }
            for (int g = 0; g < n; g++) {
                if (maxR[g] < 0) {
                    continue;
                }
                for (int r = minR[g]; r <= maxR[g]; r++) {
                    for (int c = minC[g]; c <= maxC[g]; c++) {
                        if (PdfLattice.find(parent, r * cols + c) != PdfLattice.find(parent, g)) {
                            PdfLattice.union(parent, r * cols + c, g);
                            changed = true;
                        }
                    }
                }
            }
        }
        int[][] at = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                at[r][c] = PdfLattice.find(parent, r * cols + c);
            }
        }
        return at;
    }

    /**
     * Drops grid lines no cell starts at (a row or column wholly inside merged cells) and numbers the cells in
     * reading order; null when fewer than two columns or two cells remain.
     */
    private static PdfGrid compact(double[] xs, double[] ys, int[][] groupAt) {
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        boolean[] rowStarts = new boolean[rows];
        boolean[] colStarts = new boolean[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int g = groupAt[r][c];
                rowStarts[r] |= r == 0 || groupAt[r - 1][c] != g;
                colStarts[c] |= c == 0 || groupAt[r][c - 1] != g;
            }
        }
        int[] keptRows = indices(rowStarts);
        int[] keptCols = indices(colStarts);
        if (keptCols.length < 2) {
            return null;
        }
        double[] nxs = new double[keptCols.length + 1];
        double[] nys = new double[keptRows.length + 1];
        for (int i = 0; i < keptCols.length; i++) {
            nxs[i] = xs[keptCols[i]];
        }
        nxs[keptCols.length] = xs[cols];
        for (int i = 0; i < keptRows.length; i++) {
            nys[i] = ys[keptRows[i]];
        }
        nys[keptRows.length] = ys[rows];
        int[][] regionAt = new int[keptRows.length][keptCols.length];
        List<Region> regions = new ArrayList<>();
        int[] idOfGroup = new int[rows * cols];
        Arrays.fill(idOfGroup, -1);
        for (int r = 0; r < keptRows.length; r++) {
            for (int c = 0; c < keptCols.length; c++) {
                int g = groupAt[keptRows[r]][keptCols[c]];
                if (idOfGroup[g] < 0) {
                    idOfGroup[g] = regions.size();
                    int lastRow = r;
                    while (lastRow + 1 < keptRows.length && groupAt[keptRows[lastRow + 1]][keptCols[c]] == g) {
                        lastRow++;
                    }
                    int lastCol = c;
                    while (lastCol + 1 < keptCols.length && groupAt[keptRows[r]][keptCols[lastCol + 1]] == g) {
                        lastCol++;
                    }
                    regions.add(new Region(r, c, lastRow, lastCol));
                }
                regionAt[r][c] = idOfGroup[g];
            }
        }
        if (regions.size() < 2) {
            return null;
        }
        return new PdfGrid(nxs, nys, List.copyOf(regions), regionAt);
    }

    private static int[] indices(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
