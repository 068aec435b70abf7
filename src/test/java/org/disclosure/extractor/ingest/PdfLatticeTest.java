package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.ingest.PdfGrid.Region;
import org.disclosure.extractor.ingest.PdfLattice.Segment;
import org.disclosure.extractor.ingest.PdfLines.Glyph;
import org.junit.jupiter.api.Test;

class PdfLatticeTest {

    /**
     * <pre>
     *  100 +----------------------+
     *      |        收入          |      header cell over both columns (no rule at x=200 in its row)
     *  120 +----------+-----------+
     *      |  项目    |  金额     |
     *  140 +----------+-----------+
     *      |  合计    |  391.37   |
     *  160 +----------+-----------+
     *     100        200         300
     * </pre>
     */
    @Test
    void aMissingRuleMergesTwoCells() {
        List<Segment> h = List.of(line(100, 100, 300), line(120, 100, 300), line(140, 100, 300), line(160, 100, 300));
        List<Segment> v = List.of(line(100, 100, 160), line(300, 100, 160), line(200, 120, 160));
        List<PdfGrid> grids = PdfLattice.grids(h, v);
        assertThat(grids).hasSize(1);
        PdfGrid grid = grids.get(0);
        assertThat(grid.rows()).isEqualTo(3);
        assertThat(grid.columns()).isEqualTo(2);
        assertThat(grid.regions()).containsExactly(
                new Region(0, 0, 0, 1), new Region(1, 0, 1, 0), new Region(1, 1, 1, 1),
                new Region(2, 0, 2, 0), new Region(2, 1, 2, 1));
        assertThat(grid.regionAt(250, 110)).isEqualTo(0);
        assertThat(grid.regionAt(250, 150)).isEqualTo(4);
        assertThat(grid.regionAt(350, 150)).isEqualTo(-1);
    }

    @Test
    void rulesDrawnInPiecesWithGapsAndStrokeWidthsAreOneRule() {
        // each horizontal rule drawn cell by cell, 1pt off level and with 2pt gaps; the left border twice (a
        // rectangle's edge and a thin filled bar beside it)
        List<Segment> h = new ArrayList<>();
        for (double y : new double[] {100, 120, 140}) {
            h.add(line(y, 100, 198));
            h.add(line(y + 0.8, 200, 300));
        }
        List<Segment> v = List.of(line(100, 100, 140), line(100.9, 100, 140), line(200, 100, 140), line(300, 100, 140));
        PdfGrid grid = PdfLattice.grids(h, v).get(0);
        assertThat(grid.rows()).isEqualTo(2);
        assertThat(grid.columns()).isEqualTo(2);
        assertThat(grid.regions()).hasSize(4);
    }

    @Test
    void aFrameOpenOnTheSidesIsBoundedByItsHorizontalRules() {
        // three-column table with rules between the columns only
        List<Segment> h = List.of(line(100, 50, 350), line(120, 50, 350), line(140, 50, 350));
        List<Segment> v = List.of(line(150, 100, 140), line(250, 100, 140));
        PdfGrid grid = PdfLattice.grids(h, v).get(0);
        assertThat(grid.columns()).isEqualTo(3);
        assertThat(grid.left()).isEqualTo(50);
        assertThat(grid.right()).isEqualTo(350);
    }

    @Test
    void aBoxAroundTextAndLoneRulesAreNoTable() {
        List<Segment> box = List.of(line(100, 100, 500), line(300, 100, 500));
        assertThat(PdfLattice.grids(box, List.of(line(100, 100, 300), line(500, 100, 300)))).isEmpty();
        assertThat(PdfLattice.grids(List.of(line(100, 100, 500), line(300, 100, 500)), List.of())).isEmpty();
    }

    @Test
    void aCellsTextJoinsWrappedChineseAndKeepsStackedAmountsApart() {
        assertThat(PdfTables.cellText(glyphs(List.of("机关事业单位基本养老保险缴", "费支出")))).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(PdfTables.cellText(glyphs(List.of("576,171.1", "1")))).isEqualTo("576,171.11");
        assertThat(PdfTables.cellText(glyphs(List.of("391.37", "242.91")))).isEqualTo("391.37\n242.91");
        assertThat(PdfTables.cellText(glyphs(List.of("Windows", "Server")))).isEqualTo("Windows Server");
    }

    private static Segment line(double at, double from, double to) {
        return new Segment(at, from, to);
    }

    /** Glyphs for lines of text at 12pt, one under the other; CJK one em wide, other characters half. */
    private static List<Glyph> glyphs(List<String> lines) {
        List<Glyph> glyphs = new ArrayList<>();
        double y = 100;
        for (String line : lines) {
            double x = 72;
            for (char c : line.toCharArray()) {
                double w = PdfLines.isCjk(c) ? 12 : 6;
                glyphs.add(new Glyph(String.valueOf(c), x, y, w, 12, false, false, ""));
                x += w;
            }
            y += 16;
        }
        return glyphs;
    }
}
