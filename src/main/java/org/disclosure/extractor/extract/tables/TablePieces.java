package org.disclosure.extractor.extract.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.BlockKind;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;

/**
 * The tables of a document as pieces to read, each with the short lines printed just before it (where titles, labels
 * and unit notes stand). Mends what text exports do to tables: a cell whose text was wrapped onto a line of its own
 * splits a table in two around that line ("公务" / "接待费"); and two tables with nothing between them come as one.
 */
final class TablePieces {

    /**
     * One table as found.
     *
     * @param rows            its rows, as printed
     * @param block           index of its (first) block in the document
     * @param page            page of its first block
     * @param before          texts of the blocks between the previous table and this one, in order
     * @param headingBetween  a heading stands between the previous table and this one
     */
    record Piece(List<List<Cell>> rows, int block, Integer page, List<String> before, boolean headingBetween) {
    }

    /** A line of text that is the wrapped tail of a cell: a few Han characters, nothing else. */
    private static final Pattern FRAGMENT = Pattern.compile("[\\p{IsHan}（）()“”\"]{1,12}");
    private static final int CONTEXT = 6;

    private final TableIdentity identity;

    TablePieces(TableIdentity identity) {
        this.identity = identity;
    }

    /** The table pieces of the blocks {@code inScope} accepts, in document order. */
    List<Piece> of(Document doc, IntPredicate inScope) {
        List<Piece> pieces = new ArrayList<>();
        List<Block> between = new ArrayList<>();
        Builder current = null;
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!b.isTable()) {
                between.add(b);
                continue;
            }
            if (!inScope.test(i)) {
                between.clear();
                continue;
            }
            if (current != null && current.lastBlock == i - 2 && between.size() == 1 && isFragment(between.get(0))) {
                current.continueWith(between.get(0).text(), b.table().rows(), i);
            } else {
                if (current != null) {
                    pieces.addAll(current.build());
                }
                current = new Builder(b, i, between);
            }
            between.clear();
        }
        if (current != null) {
            pieces.addAll(current.build());
        }
        return pieces;
    }

    private boolean isFragment(Block b) {
        String text = b.text().strip();
        return b.kind() == BlockKind.PARAGRAPH && !b.emphasised() && FRAGMENT.matcher(text).matches()
                && identity.title(text).isEmpty() && !identity.hasLabel(text) && !identity.isNote(text)
                && !identity.isContinuedNote(text);
    }

    /** Collects one table and the pieces of it a wrapped cell split off. */
    private final class Builder {
        final List<List<Cell>> rows = new ArrayList<>();
        /** Row indexes i where row i and row i + 1 may be one row split at a wrapped cell. */
        final List<Integer> seams = new ArrayList<>();
        final int firstBlock;
        final Integer page;
        final List<String> before;
        final boolean headingBetween;
        int lastBlock;

        Builder(Block table, int index, List<Block> between) {
            rows.addAll(table.table().rows());
            firstBlock = index;
            lastBlock = index;
            page = table.page();
            List<Block> context = between.subList(Math.max(0, between.size() - CONTEXT), between.size());
            before = context.stream().map(Block::text).toList();
            headingBetween = between.stream().anyMatch(x -> x.kind() == BlockKind.HEADING);
        }

        void continueWith(String fragment, List<List<Cell>> next, int index) {
            if (!rows.isEmpty()) {
                List<Cell> last = new ArrayList<>(rows.get(rows.size() - 1));
                if (last.isEmpty()) {
                    last.add(Cell.of(fragment));
                } else {
                    Cell tail = last.get(last.size() - 1);
                    last.set(last.size() - 1, new Cell(tail.text() + fragment, tail.rowSpan(), tail.colSpan()));
                }
                rows.set(rows.size() - 1, last);
                seams.add(rows.size() - 1);
            }
            rows.addAll(next);
            lastBlock = index;
        }

        List<Piece> build() {
            List<List<Cell>> mended = joinSeams();
            return split(new Piece(mended, firstBlock, page, before, headingBetween));
        }

        /**
         * Joins the rows a wrapped cell split: within each run of rows linked by seams, the fewest rows that fit the
         * table's width, widths never shrinking downwards (a header's upper rows have fewer, wider cells).
         */
        private List<List<Cell>> joinSeams() {
            if (seams.isEmpty()) {
                return rows;
            }
            int width = rows.stream().filter(r -> !identity.isMetaRow(r)).mapToInt(List::size).max().orElse(0);
            List<List<Cell>> out = new ArrayList<>();
            int i = 0;
            while (i < rows.size()) {
                int end = i;
                while (seams.contains(end)) {
                    end++;
                }
                List<Integer> cuts = partition(rows.subList(i, end + 1), width);
                int from = i;
                for (int cut : cuts) {
                    List<Cell> joined = new ArrayList<>();
                    for (int r = from; r < i + cut; r++) {
                        joined.addAll(rows.get(r));
                    }
                    out.add(joined);
                    from = i + cut;
                }
                i = end + 1;
            }
            return out;
        }

        /** Group ends (exclusive, relative) of the best partition of the run. */
        private List<Integer> partition(List<List<Cell>> run, int width) {
            Map<String, List<Integer>> memo = new HashMap<>();
            List<Integer> best = groups(run, 0, 0, width, true, memo);
            if (best == null) {
                best = groups(run, 0, 0, width, false, new HashMap<>());
            }
            if (best == null) {
                best = new ArrayList<>();
                for (int k = 1; k <= run.size(); k++) {
                    best.add(k);
                }
            }
            return best;
        }

        private List<Integer> groups(List<List<Cell>> run, int from, int previous, int width, boolean growing,
                                     Map<String, List<Integer>> memo) {
            if (from == run.size()) {
                return new ArrayList<>();
            }
            String key = from + ":" + previous;
            if (memo.containsKey(key)) {
                return memo.get(key);
            }
            List<Integer> best = null;
            int sum = 0;
            for (int to = from; to < run.size(); to++) {
                sum += run.get(to).size();
                if (sum > width && to > from) {
                    break;
                }
                if (growing && sum < previous) {
                    continue;
                }
                List<Integer> rest = groups(run, to + 1, sum, width, growing, memo);
                if (rest != null && (best == null || rest.size() + 1 < best.size())) {
                    best = new ArrayList<>();
                    best.add(to + 1);
                    best.addAll(rest);
                }
            }
            memo.put(key, best);
            return best;
        }

        /** Splits the piece where a second table's title row stands inside it (two tables printed as one). */
        private List<Piece> split(Piece whole) {
            List<Piece> out = new ArrayList<>();
            List<List<Cell>> rows = whole.rows();
            int start = 0;
            boolean gridSeen = false;
            for (int r = 0; r < rows.size(); r++) {
                List<Cell> row = rows.get(r);
                if (gridSeen && isTitleRow(row)) {
                    out.add(new Piece(rows.subList(start, r), whole.block(), whole.page(),
                            start == 0 ? whole.before() : List.of(), start == 0 && whole.headingBetween()));
                    start = r;
                    gridSeen = false;
                } else if (!identity.isMetaRow(row) && row.stream().anyMatch(c -> !CellText.isNothing(c.text()))) {
                    gridSeen = true;
                }
            }
            out.add(new Piece(rows.subList(start, rows.size()), whole.block(), whole.page(),
                    start == 0 ? whole.before() : List.of(), start == 0 && whole.headingBetween()));
            return out;
        }

        private boolean isTitleRow(List<Cell> row) {
            List<String> texts = row.stream().map(Cell::text).filter(t -> !CellText.squash(t).isEmpty()).toList();
            return texts.size() == 1 && identity.title(texts.get(0)).isPresent();
        }
    }
}
