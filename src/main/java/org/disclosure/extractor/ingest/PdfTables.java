package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.PdfGrid.Region;
import org.disclosure.extractor.ingest.PdfLattice.Segment;
import org.disclosure.extractor.ingest.PdfLines.Glyph;

/**
 * The table half of {@link PdfReader}: takes a page's ruled tables ({@link PdfLattice}) out of its glyphs. Each
 * glyph goes to the cell holding its centre; a cell's text is its lines top to bottom, joined as wrapped CJK
 * text is (no space). What lies outside every table is left for the paragraphs.
 */
final class PdfTables {

    private PdfTables() {
    }

    /** An amount with its cents ends the text: 391.37 (but not 576,171.1, whose last digit wrapped). */
    private static final Pattern AMOUNT_END = Pattern.compile("[0-9][.][0-9]{2}$");
    /** A whole amount with decimals: another amount stacked under the first, not its wrapped tail. */
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9][0-9,]*[.][0-9]+(?![0-9,.])");

    /** A table on a page, with the top of its frame (glyph coordinates): where it stands among the lines. */
    record PageTable(double top, Table table) {
    }

    /** A page split into its tables and the glyphs outside them. */
    record Split(List<PageTable> tables, List<Glyph> rest) {
    }

    /** Takes the ruled tables out of a page's glyphs. */
    static Split split(List<Glyph> glyphs, List<Segment> horizontalRules, List<Segment> verticalRules) {
        List<PdfGrid> grids = PdfLattice.grids(horizontalRules, verticalRules);
        if (grids.isEmpty()) {
            return new Split(List.of(), glyphs);
        }
        List<List<List<Glyph>>> cells = new ArrayList<>();
        for (PdfGrid g : grids) {
            List<List<Glyph>> inCells = new ArrayList<>();
            for (int i = 0; i < g.regions().size(); i++) {
                inCells.add(new ArrayList<>());
            }
            cells.add(inCells);
        }
        List<Glyph> outside = new ArrayList<>();
        for (Glyph glyph : glyphs) {
            double cx = glyph.x() + glyph.width() / 2;
            double cy = glyph.y() - 0.35 * glyph.size();
            boolean placed = false;
            for (int t = 0; t < grids.size() && !placed; t++) {
                int region = grids.get(t).regionAt(cx, cy);
                if (region >= 0) {
                    cells.get(t).get(region).add(glyph);
                    placed = true;
                }
            }
            if (!placed) {
                outside.add(glyph);
            }
        }
        List<PageTable> tables = new ArrayList<>();
        for (int t = 0; t < grids.size(); t++) {
            PdfGrid grid = grids.get(t);
            List<List<Glyph>> inCells = cells.get(t);
            long filled = inCells.stream().filter(c -> c.stream().anyMatch(g -> !g.text().isBlank())).count();
            if (filled < 2) {
                // a frame around a note, or decoration: its text reads as paragraphs
                inCells.forEach(outside::addAll);
                continue;
            }
            tables.add(new PageTable(grid.top(), table(grid, inCells)));
        }
        return new Split(tables, outside);
    }

    /** The table's rows: each cell once, at its top-left grid position, with its spans. */
    private static Table table(PdfGrid grid, List<List<Glyph>> inCells) {
        List<Region> regions = grid.regions();
        String[] texts = new String[regions.size()];
        GlyphBoxes[] glyphs = new GlyphBoxes[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            GlyphBoxes.Builder boxes = new GlyphBoxes.Builder();
            texts[i] = cellText(inCells.get(i), boxes);
            glyphs[i] = boxes.build();
        }
        int firstRow = 0;
        int lastRow = grid.rows() - 1;
        while (firstRow < lastRow && emptyRow(grid, texts, firstRow)) {
            firstRow++;
        }
        while (lastRow > firstRow && emptyRow(grid, texts, lastRow)) {
            lastRow--;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = firstRow; r <= lastRow; r++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            if (region.row() >= firstRow && region.row() <= lastRow) {
                int rowSpan = Math.min(region.lastRow(), lastRow) - region.row() + 1;
                rows.get(region.row() - firstRow).add(new Cell(texts[i], rowSpan, region.colSpan(), glyphs[i]));
            }
        }
        return new Table(rows);
    }

    /** A row of empty cells of its own (no merged cell reaches into it): an edge of the frame, not a table row. */
    private static boolean emptyRow(PdfGrid grid, String[] texts, int row) {
        for (int c = 0; c < grid.columns(); c++) {
            int i = grid.regionAt()[row][c];
            Region region = grid.regions().get(i);
            if (!texts[i].isEmpty() || region.rowSpan() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's text: its glyphs in lines top to bottom, left to right. Lines join with nothing between them, as a
     * wrapped CJK line does ("机关事业单位基本养老保险缴" + "费支出"), with a space between two Latin letters, and
     * with a line break between two amounts stacked in one cell (391.37 over 242.91; a wrapped 576,171.1 | 1 joins).
     */
    static String cellText(List<Glyph> glyphs) {
        return cellText(glyphs, new GlyphBoxes.Builder());
    }

    /** As {@link #cellText(List)}, putting where each character of the text is drawn into {@code boxes}. */
    static String cellText(List<Glyph> glyphs, GlyphBoxes.Builder boxes) {
        List<Glyph> visible = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            if (!g.text().isBlank() && g.size() > 0) {
                visible.add(g);
            }
        }
        if (visible.isEmpty()) {
            return "";
        }
        visible.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        StringBuilder text = new StringBuilder();
        List<Glyph> line = new ArrayList<>();
        double baseline = visible.get(0).y();
        double size = visible.get(0).size();
        for (Glyph g : visible) {
            if (!line.isEmpty() && Math.abs(g.y() - baseline) > 0.45 * Math.min(size, g.size())) {
                appendLine(text, line, boxes);
                line.clear();
            }
            if (line.isEmpty()) {
                baseline = g.y();
                size = g.size();
            }
            line.add(g);
        }
        appendLine(text, line, boxes);
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<Glyph> glyphs, GlyphBoxes.Builder boxes) {
        glyphs.sort(Comparator.comparingDouble(Glyph::x));
        StringBuilder line = new StringBuilder();
        GlyphBoxes.Builder lineBoxes = new GlyphBoxes.Builder();
        Glyph prev = null;
        double reach = 0;
        for (Glyph g : glyphs) {
            if (prev != null) {
                double em = Math.max(Math.min(prev.size(), g.size()), 1);
                char a = prev.text().charAt(prev.text().length() - 1);
                char b = g.text().charAt(0);
                if (!PdfLines.isCjk(a) && !PdfLines.isCjk(b) && PdfLines.needsSpace(prev.text(), g.text(), (g.x() - reach) / em)) {
                    line.append(' ');
                    lineBoxes.none(1);
                }
            }
            line.append(g.text());
            lineBoxes.glyph(g.box(), g.text().length());
            reach = prev == null ? g.end() : Math.max(reach, g.end());
            prev = g;
        }
        if (!text.isEmpty()) {
            char a = text.charAt(text.length() - 1);
            char b = line.charAt(0);
            if (PdfLines.isLatinLetter(a) && PdfLines.isLatinLetter(b)) {
                text.append(' ');
                boxes.none(1);
            } else if (AMOUNT_END.matcher(text).find() && AMOUNT.matcher(line).lookingAt()) {
                text.append('\n');
                boxes.none(1);
            }
        }
        text.append(line);
        boxes.append(lineBoxes.build());
    }
}
