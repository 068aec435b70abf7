package org.disclosure.extractor.extract.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.text.Amounts;

/**
 * Reads the standard tables of a report (公开01–09表 of final accounts, the budget tables) into line items, and the
 * record fields their cells state. Works from the document's TABLE blocks and the short lines just before each
 * (title, label, unit note), whatever format they came from. Shared between threads.
 */
public final class StandardTables {

    /**
     * What the tables gave.
     *
     * @param items      every amount cell of every standard table, in long form
     * @param fields     one value per key the tables state
     * @param alternates further cells stating a key already in {@code fields}
     */
    public record Reading(List<LineItem> items, List<FieldValue> fields, List<FieldValue> alternates) {
    }

    /** A piece recognised as a standard table (or continuing one), with its rows and their pages. */
    private static final class Found {
        final TableGrammar.Family family;
        final String title;
        final String unit;
        final List<List<Cell>> rows = new ArrayList<>();
        final Map<List<Cell>, Integer> pages = new IdentityHashMap<>();

        Found(TableGrammar.Family family, String title, String unit) {
            this.family = family;
            this.title = title;
            this.unit = unit;
        }

        void add(List<List<Cell>> more, Integer page) {
            for (List<Cell> row : more) {
                rows.add(row);
                pages.put(row, page);
            }
        }
    }

    private static final int TITLE_ROWS = 4;
    /** Longest first line of a title wrapped over two lines. */
    private static final int WRAPPED_TITLE = 40;
    /** The strength of a name found only in the header words: the piece may well continue a table of that family. */
    private static final int BY_HEADER = -1;
    /** A line that is some table's title (…表, …表（按经济分类）). */
    private static final Pattern TITLE_LIKE = Pattern.compile("^\\S{2,40}表(?:[（(][^）)]{1,20}[）)])?$");
    /** A table's number: 公开05表, 预算05表, 公开表3 (烟台), 表5. */
    private static final Pattern LABEL = Pattern.compile(
            "(?:公开|预算|决算)(?:[0-9]{1,2}(?:-[0-9])?表|表[0-9]{1,2}(?![0-9]))|^表[0-9]{1,2}[.:：、．]?");

    private final TableGrammar grammar;
    private final TableIdentity identity;
    private final TablePieces pieces;

    public StandardTables() {
        this(TableGrammar.standard());
    }

    public StandardTables(TableGrammar grammar) {
        this.grammar = grammar;
        this.identity = new TableIdentity(grammar);
        this.pieces = new TablePieces(identity);
    }

    /** Reads every standard table of the document. */
    public Reading read(Document doc, String kind) {
        return read(doc, kind, null, i -> true);
    }

    /**
     * Reads the standard tables among the blocks {@code inScope} accepts (the report proper, not its appendices).
     *
     * @param kind       the report's kind (final_accounts, budget …): which mappings apply
     * @param fiscalYear the report's fiscal year, or null if unknown: columns of other years give no field
     */
    public Reading read(Document doc, String kind, Integer fiscalYear, IntPredicate inScope) {
        List<Found> tables = new ArrayList<>();
        Found previous = null;
        for (TablePieces.Piece piece : pieces.of(doc, inScope)) {
            Optional<TableIdentity.Named> named = name(piece);
            if (previous != null && !(named.isEmpty() && startsATable(piece)) && continues(previous, piece, named)) {
                previous.add(withoutRepeatedHeader(previous, piece.rows()), piece.page());
                continue;
            }
            if (named.isEmpty()) {
                previous = null;
                continue;
            }
            previous = new Found(named.get().family(), named.get().text(), unit(piece));
            previous.add(piece.rows(), piece.page());
            tables.add(previous);
        }
        List<LineItem> items = new ArrayList<>();
        List<TableFields.ReadTable> read = new ArrayList<>();
        for (Found t : tables) {
            TableLayout layout = TableLayout.of(t.rows, identity);
            List<LineItem> own = items(doc.file(), t, layout);
            items.addAll(own);
            read.add(new TableFields.ReadTable(t.family, layout.headers(), own));
        }
        TableFields.Found found = TableFields.of(read, kind, fiscalYear, grammar.words());
        return new Reading(items, found.fields(), found.alternates());
    }

    private List<LineItem> items(String file, Found t, TableLayout layout) {
        List<LineItem> out = new ArrayList<>();
        for (BodyRows.Amount a : BodyRows.read(layout, grammar.words())) {
            Optional<BigDecimal> value = CellText.amount(a.text());
            if (value.isEmpty()) {
                continue;
            }
            Integer page = t.pages.get(a.row());
            String rule = "table:" + t.family.id();
            out.add(new LineItem(t.family.id(), t.title, page, a.code(), a.name(), layout.headers().get(a.column()),
                    Amounts.toWan(value.get(), t.unit), new Provenance(file, page, t.title, a.rowText(),
                    a.spanStart(), a.spanEnd(), rule, TableRows.boxes(a.row(), a.spanStart(), a.spanEnd()))));
        }
        return out;
    }

    /**
     * The family the piece's title, label or header names: a title row among its first rows (a title alone, or
     * beside its label and unit note; a table of contents listing titles is not titled by them), else the lines
     * just before it.
     */
    private Optional<TableIdentity.Named> name(TablePieces.Piece piece) {
        List<String> firstCells = new ArrayList<>();
        piece.rows().stream().limit(TITLE_ROWS).forEach(r -> r.forEach(c -> firstCells.add(c.text())));
        List<String> lead = leadLines(piece);
        long titledRows = piece.rows().stream().limit(3L * TITLE_ROWS)
                .filter(r -> r.stream().anyMatch(c -> identity.title(c.text()).isPresent())).count();
        if (titledRows > 1) {
            return Optional.empty(); // a list of the tables (报表目录), not one of them
        }
        for (List<Cell> row : piece.rows().subList(0, Math.min(TITLE_ROWS, piece.rows().size()))) {
            List<String> texts = row.stream().map(Cell::text).filter(t -> !CellText.isNothing(t)).toList();
            for (String text : texts) {
                Optional<TableIdentity.Named> t = identity.title(text);
                if (t.isPresent() && texts.stream().allMatch(o -> o.equals(text) || isLeadMeta(o.strip()))) {
                    return t;
                }
            }
        }
        for (String text : lead) {
            Optional<TableIdentity.Named> t = identity.title(text);
            if (t.isPresent()) {
                return t;
            }
        }
        if (titled(piece)) {
            return Optional.empty(); // titled, but as none of the standard tables: its label means another table
        }
        for (String text : concat(firstCells, lead)) {
            Optional<TableIdentity.Named> l = identity.label(text);
            if (l.isPresent()) {
                return l;
            }
        }
        StringBuilder header = new StringBuilder();
        piece.rows().stream().limit(6).forEach(r -> r.forEach(c -> header.append(c.text()).append(' ')));
        return identity.byHeader(header.toString()).map(f -> new TableIdentity.Named(f, f.id(), BY_HEADER));
    }

    /** The piece has a title (whichever table it names), beyond a bare label like 公开05表. */
    private boolean titled(TablePieces.Piece piece) {
        return leadLines(piece).stream().anyMatch(this::isTitleText)
                || piece.rows().stream().limit(TITLE_ROWS).anyMatch(r -> {
                    List<String> texts = r.stream().map(Cell::text).filter(t -> !CellText.isNothing(t)).toList();
                    return texts.size() == 1 && isTitleText(texts.get(0));
                });
    }

    private boolean isTitleText(String line) {
        return TITLE_LIKE.matcher(LABEL.matcher(CellText.squash(line)).replaceAll("")).matches();
    }

    /** The piece has a title or a label of its own: it starts a table, it continues none. */
    private boolean startsATable(TablePieces.Piece piece) {
        return titled(piece) || leadLines(piece).stream().anyMatch(identity::hasLabel);
    }

    /**
     * The lines just before a table that may name it, closest first: its unit, label and 部门 lines, and the first
     * other line above them (a title, or else a sentence that ends the search), also joined to the short line above
     * it (a title wrapped over two lines).
     */
    private List<String> leadLines(TablePieces.Piece piece) {
        List<String> out = new ArrayList<>();
        List<String> before = piece.before();
        for (int i = before.size() - 1; i >= 0; i--) {
            String line = before.get(i).strip();
            out.add(line);
            if (!isLeadMeta(line)) {
                if (i > 0 && identity.title(line).isEmpty() && before.get(i - 1).strip().length() <= WRAPPED_TITLE) {
                    out.add(before.get(i - 1).strip() + line);
                }
                break;
            }
        }
        return out;
    }

    private boolean isLeadMeta(String line) {
        return line.isEmpty() || identity.unit(line).isPresent() || identity.hasLabel(line)
                || identity.isContinuedNote(line) || identity.isPageNumber(line)
                || grammar.words().meta().matcher(CellText.squash(line)).find();
    }

    /**
     * The table's unit, from its own header: a unit note in its meta rows or the lines just before it (also above
     * a title: "单位：元" printed over "2026年…支出表"), else a unit every header cell that names one names
     * ("预算数（元）"); 万元 only where the table says nothing.
     */
    private String unit(TablePieces.Piece piece) {
        List<String> texts = new ArrayList<>();
        piece.rows().stream().filter(identity::isMetaRow).forEach(r -> r.forEach(c -> texts.add(c.text())));
        List<String> above = piece.before().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> near = new ArrayList<>(above.subList(Math.max(0, above.size() - 3), above.size()));
        java.util.Collections.reverse(near);
        for (String text : concat(concat(texts, leadLines(piece)), near)) {
            Optional<String> unit = identity.unit(text);
            if (unit.isPresent()) {
                return unit.get();
            }
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        java.util.regex.Pattern headerUnit = grammar.words().headerUnit();
        if (headerUnit != null) {
            piece.rows().stream().limit(4).forEach(r -> r.forEach(c -> {
                java.util.regex.Matcher m = headerUnit.matcher(CellText.squash(c.text()));
                if (m.find()) {
                    named.add(m.group(1));
                }
            }));
        }
        return named.size() == 1 ? named.iterator().next() : "万元";
    }

    /**
     * A piece continues the previous table when nothing but page furniture stands between them and it either names no
     * table (a page's worth of rows, perhaps under the same header), or only its header words name the same family,
     * or it repeats the previous table's title.
     */
    private boolean continues(Found previous, TablePieces.Piece piece, Optional<TableIdentity.Named> named) {
        if (piece.headingBetween() || !piece.before().stream().allMatch(this::isLeadMetaOrTitle)) {
            return false;
        }
        return named.isEmpty() || named.get().family() == previous.family
                && (named.get().strength() == BY_HEADER
                || CellText.squash(named.get().text()).equals(CellText.squash(previous.title)));
    }

    private boolean isLeadMetaOrTitle(String line) {
        return isLeadMeta(line.strip()) || identity.title(line).isPresent();
    }

    /** The piece's rows without its title rows and the header rows it repeats from the previous page. */
    private List<List<Cell>> withoutRepeatedHeader(Found previous, List<List<Cell>> rows) {
        List<String> seen = previous.rows.stream().limit(12).map(BodyRows::rowText).map(CellText::squash).toList();
        int skip = 0;
        while (skip < rows.size() && (identity.isMetaRow(rows.get(skip))
                || seen.contains(CellText.squash(BodyRows.rowText(rows.get(skip)))))) {
            skip++;
        }
        return rows.subList(skip, rows.size());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
