package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.PdfLines.Fragment;
import org.disclosure.extractor.ingest.PdfLines.Line;
import org.disclosure.extractor.ingest.PdfTables.PageTable;

/**
 * Tables without column rules, for {@link PdfReader}: a run of consecutive lines split into fragments by wide
 * gaps, most of them with figures, is a table whose columns are where the fragments of its rows with figures
 * stand. Each line is a row; a fragment reaching over several columns spans them. Anything less regular (a
 * single caption line "部门：… 单位：万元", a contents entry with dot leaders) stays a line.
 */
final class PdfColumns {

    private PdfColumns() {
    }

    /** A run needs this many rows to be read as a table. */
    private static final int MIN_ROWS = 3;
    /** Rows further apart than this many font sizes are not one table. */
    private static final double ROW_GAP = 2.5;
    private static final Pattern FIGURE = Pattern.compile("[-—–]|[-(（]?[0-9０-９][0-9０-９,，.．]*[%)）]?");
    private static final Pattern LEADER = Pattern.compile("\\.{4,}|…{3,}|·{4,}|．{4,}|-{6,}|_{6,}|—{4,}|－{6,}");
    private static final Pattern CAPTION = Pattern.compile(".*(单位[:：]|编制(部门|单位)[:：]|部门(名称)?[:：]|注[:：]).*");

    /** A page's lines and tables once its unruled tables are taken out of its lines. */
    record Split(List<Line> lines, List<PageTable> tables) {
    }

    /** Takes the unruled tables out of a page's lines (top to bottom); {@code ruled} are the tables found before. */
    static Split split(List<Line> lines, List<PageTable> ruled) {
        List<Line> kept = new ArrayList<>(lines.size());
        List<PageTable> tables = new ArrayList<>(ruled);
        int i = 0;
        while (i < lines.size()) {
            int end = runEnd(lines, i);
            if (end - i >= MIN_ROWS && isTable(lines.subList(i, end))) {
                List<Line> run = lines.subList(i, end);
                tables.add(new PageTable(run.get(0).y() - run.get(0).size(), table(run)));
                i = end;
            } else {
                kept.add(lines.get(i));
                i++;
            }
        }
        if (tables.size() == ruled.size()) {
            return new Split(lines, ruled);
        }
        tables.sort(Comparator.comparingDouble(PageTable::top));
        return new Split(kept, tables);
    }

    private static boolean rowLike(Line l) {
        return l.fragments().size() >= 2 && !l.ruled() && !LEADER.matcher(l.text()).find()
                && !CAPTION.matcher(l.text()).matches();
    }

    /** End (exclusive) of the run of row-like lines from {@code start}; a one-fragment line inside it may stay. */
    private static int runEnd(List<Line> lines, int start) {
        if (!rowLike(lines.get(start))) {
            return start + 1;
        }
        int end = start + 1;
        while (end < lines.size()) {
            Line prev = lines.get(end - 1);
            Line next = lines.get(end);
            if (next.y() - prev.y() > ROW_GAP * Math.max(prev.size(), next.size())) {
                break;
            }
            if (rowLike(next)) {
                end++;
            } else if (end + 1 < lines.size() && rowLike(lines.get(end + 1)) && next.fragments().size() == 1
                    && !LEADER.matcher(next.text()).find()
                    && lines.get(end + 1).y() - next.y() <= ROW_GAP * next.size()) {
                end += 2;
            } else {
                break;
            }
        }
        return end;
    }

    /** Most rows carry figures, and at least two have three cells or more. */
    private static boolean isTable(List<Line> run) {
        int withFigures = 0;
        int wide = 0;
        for (Line l : run) {
            withFigures += hasFigure(l) ? 1 : 0;
            wide += l.fragments().size() >= 3 ? 1 : 0;
        }
        return withFigures * 2 >= run.size() && wide >= 2;
    }

    private static boolean hasFigure(Line l) {
        return l.fragments().stream().anyMatch(f -> FIGURE.matcher(f.text().replace(" ", "")).matches());
    }

    /** Columns from the rows with figures (where their fragments stand, overlapping ones merged), then the rows. */
    private static Table table(List<Line> run) {
        List<double[]> spans = new ArrayList<>();
        for (Line l : run) {
            if (hasFigure(l)) {
                for (Fragment f : l.fragments()) {
                    spans.add(new double[] {f.x0(), f.x1()});
                }
            }
        }
        spans.sort(Comparator.comparingDouble(s -> s[0]));
        List<double[]> columns = new ArrayList<>();
        for (double[] s : spans) {
            double[] last = columns.isEmpty() ? null : columns.get(columns.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                columns.add(s.clone());
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Line l : run) {
            rows.add(row(l, columns));
        }
        return new Table(rows);
    }

    /** A line's cells over the columns: each fragment from the first column it reaches to the last; gaps empty. */
    private static List<Cell> row(Line line, List<double[]> columns) {
        String[] texts = new String[columns.size()];
        GlyphBoxes[] glyphs = new GlyphBoxes[columns.size()];
        int[] spans = new int[columns.size()];
        int next = 0;
        for (Fragment f : line.fragments()) {
            int first = -1;
            int last = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (f.x0() < columns.get(c)[1] && f.x1() > columns.get(c)[0]) {
                    first = first < 0 ? c : first;
                    last = c;
                }
            }
            if (first < 0) {
                first = nearest(columns, (f.x0() + f.x1()) / 2);
                last = first;
            }
            first = Math.max(first, next);
            last = Math.max(last, first);
            if (first >= columns.size()) {
                // more fragments than columns: the rest joins the last cell
                int c = columns.size() - 1;
                while (texts[c] == null) {
                    c--;
                }
                texts[c] = texts[c] + " " + f.text();
                glyphs[c] = new GlyphBoxes.Builder().append(glyphs[c]).none(1).append(f.glyphs()).build();
                continue;
            }
            texts[first] = f.text();
            glyphs[first] = f.glyphs();
            spans[first] = last - first + 1;
            next = last + 1;
        }
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (texts[c] != null) {
                cells.add(new Cell(texts[c], 1, spans[c], glyphs[c]));
                c += spans[c] - 1;
            } else {
                cells.add(Cell.of(""));
            }
        }
        return cells;
    }

    private static int nearest(List<double[]> columns, double x) {
        int best = 0;
        for (int c = 1; c < columns.size(); c++) {
            double d = Math.min(Math.abs(x - columns.get(c)[0]), Math.abs(x - columns.get(c)[1]));
            double b = Math.min(Math.abs(x - columns.get(best)[0]), Math.abs(x - columns.get(best)[1]));
            if (d < b) {
                best = c;
            }
        }
        return best;
    }
}
