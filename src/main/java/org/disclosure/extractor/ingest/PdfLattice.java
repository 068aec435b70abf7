package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds ruled tables on a page from its horizontal and vertical rules, the lattice way: pieces of one rule are
 * joined, and rules that cross form a table, whose rules then cut it into a grid of cells ({@link PdfGrid}).
 * Works on plain coordinates (x to the right, y down the page).
 */
final class PdfLattice {

    private PdfLattice() {
    }

    /** Rules this close (pt) across their length are one rule: stroke widths, double strokes, rounding. */
    private static final double SAME_LINE = 2;
    /** Pieces of one rule may leave a gap this wide (pt) between them: butt joins, dashes. */
    private static final double JOIN_GAP = 3;
    /** A rule reaching within this distance (pt) of another touches it. */
    private static final double TOUCH = 3;
    /** Beyond this many pairs of horizontal and vertical rules a page is a drawing, not a table. */
    private static final long MAX_CROSSINGS = 1_000_000;

    /** A straight rule: at {@code at} across the page (y of a horizontal, x of a vertical), from {@code from} to {@code to}. */
    record Segment(double at, double from, double to) {
        double length() {
            return to - from;
        }
    }

    /** The page's ruled tables, top to bottom. */
    static List<PdfGrid> grids(List<Segment> horizontalRules, List<Segment> verticalRules) {
        if (horizontalRules.size() < 2 || verticalRules.size() < 2) {
            return List.of();
        }
        List<Segment> hs = merge(horizontalRules);
        List<Segment> vs = merge(verticalRules);
        if ((long) hs.size() * vs.size() > MAX_CROSSINGS) {
            return List.of();
        }
        int[] parent = new int[hs.size() + vs.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < hs.size(); i++) {
            for (int j = 0; j < vs.size(); j++) {
                if (touch(hs.get(i), vs.get(j))) {
                    union(parent, i, hs.size() + j);
                }
            }
        }
        // each set of rules that cross, by its root
        Map<Integer, List<Segment>> horizontal = new LinkedHashMap<>();
        Map<Integer, List<Segment>> vertical = new LinkedHashMap<>();
        for (int i = 0; i < parent.length; i++) {
            int root = find(parent, i);
            if (i < hs.size()) {
                horizontal.computeIfAbsent(root, r -> new ArrayList<>()).add(hs.get(i));
            } else {
                vertical.computeIfAbsent(root, r -> new ArrayList<>()).add(vs.get(i - hs.size()));
            }
        }
        List<Integer> tables = new ArrayList<>();
        for (int root : horizontal.keySet()) {
            if (horizontal.get(root).size() >= 2 && vertical.getOrDefault(root, List.of()).size() >= 2) {
                tables.add(root);
            }
        }
        for (Map.Entry<Integer, List<Segment>> lone : vertical.entrySet()) {
            if (!horizontal.containsKey(lone.getKey())) {
                for (Segment v : lone.getValue()) {
                    besideTable(v, tables, horizontal, vertical);
                }
            }
        }
        List<PdfGrid> grids = new ArrayList<>();
        for (int root : tables) {
            PdfGrid grid = PdfGrid.of(horizontal.get(root), vertical.get(root));
            if (grid != null) {
                grids.add(grid);
            }
        }
        grids.sort(Comparator.comparingDouble(PdfGrid::top));
        return grids;
    }

    /**
     * Adds a vertical rule that crosses no horizontal one to the table it stands beside, running down most of its
     * height: the outer border of a column whose cells are all merged on a page the table runs across, their top
     * and bottom borders on the pages before and after.
     */
    private static void besideTable(Segment v, List<Integer> tables, Map<Integer, List<Segment>> horizontal,
                                    Map<Integer, List<Segment>> vertical) {
        for (int root : tables) {
            List<Segment> h = horizontal.get(root);
            double top = h.stream().mapToDouble(Segment::at).min().orElseThrow();
            double bottom = h.stream().mapToDouble(Segment::at).max().orElseThrow();
            double left = h.stream().mapToDouble(Segment::from).min().orElseThrow();
            double right = h.stream().mapToDouble(Segment::to).max().orElseThrow();
            double overlap = Math.min(bottom, v.to()) - Math.max(top, v.from());
            double away = Math.max(left - v.at(), v.at() - right);
            if (overlap >= 0.5 * (bottom - top) && away > 0 && away <= 0.5 * (right - left)) {
                vertical.get(root).add(v);
                return;
            }
        }
    }

    /** Joins pieces of one rule: collinear (within {@link #SAME_LINE}) and overlapping or nearly touching. */
    static List<Segment> merge(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(Segment::at));
        List<Segment> merged = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).at() - sorted.get(j - 1).at() <= SAME_LINE / 2
                    && sorted.get(j).at() - sorted.get(i).at() <= SAME_LINE) {
                j++;
            }
            List<Segment> line = new ArrayList<>(sorted.subList(i, j));
            line.sort(Comparator.comparingDouble(Segment::from));
            double from = line.get(0).from();
            double to = line.get(0).to();
            double weighted = 0;
            double length = 0;
            for (Segment s : line) {
                if (s.from() > to + JOIN_GAP) {
                    merged.add(new Segment(weighted / length, from, to));
                    from = s.from();
                    weighted = 0;
                    length = 0;
                }
                to = Math.max(to, s.to());
                weighted += s.at() * (s.length() + 1e-6);
                length += s.length() + 1e-6;
            }
            merged.add(new Segment(weighted / length, from, to));
            i = j;
        }
        return merged;
    }

    private static boolean touch(Segment h, Segment v) {
        return v.at() >= h.from() - TOUCH && v.at() <= h.to() + TOUCH
                && h.at() >= v.from() - TOUCH && h.at() <= v.to() + TOUCH;
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
