package org.disclosure.extractor.extract.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Cell;
import org.disclosure.extractor.text.Gate;

/**
 * Which standard table a title, label or header names, and which rows of a table are not part of its grid
 * (title, label, 部门/单位 lines, notes). The knowledge is in {@code grammars/tables.yaml}.
 */
final class TableIdentity {

    /** A family found in a line, with the text that named it. */
    record Named(TableGrammar.Family family, String text, int strength) {
    }

    /** Longest a title line can be; longer text is a sentence that merely mentions a table. */
    private static final int TITLE_MAX = 60;
    private static final Pattern PAGE_NUMBER = Pattern.compile("[-—\\s第]*[0-9]+[-—\\s页]*|表?[0-9]+");

    /** A family's title or label pattern with the gate that rules lines out before it is tried. */
    private record Gated(TableGrammar.Family family, Pattern pattern, Gate gate) {
    }

    private final TableGrammar grammar;
    /** A word every title's gate requires (表), if there is one: a line without it is no title, cheaply. */
    private final String titleWord;
    private final List<Gated> titles = new ArrayList<>();
    private final List<Gated> labels = new ArrayList<>();

    TableIdentity(TableGrammar grammar) {
        this.grammar = grammar;
        for (TableGrammar.Family f : grammar.families()) {
            f.titles().forEach(p -> titles.add(new Gated(f, p, Gate.of(p))));
            f.labels().forEach(p -> labels.add(new Gated(f, p, Gate.of(p))));
        }
        boolean all = titles.stream().allMatch(t -> t.gate().pieces().stream().anyMatch(p -> p.contains("表")));
        this.titleWord = all ? "表" : "";
    }

    TableGrammar.Words words() {
        return grammar.words();
    }

    /** The family whose title the line is (the longest title match wins), if the line is short enough to be a title. */
    Optional<Named> title(String line) {
        if (line == null || !line.contains(titleWord)) {
            return Optional.empty();
        }
        String text = CellText.squash(line);
        if (text.isEmpty() || text.length() > TITLE_MAX) {
            return Optional.empty();
        }
        Named best = null;
        for (Gated t : titles) {
            if (!t.gate().admits(text)) {
                continue;
            }
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                int length = m.end() - m.start();
                if (best == null || length > best.strength()) {
                    best = new Named(t.family(), line.strip(), length);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The family a label in the line names (公开05表). */
    Optional<Named> label(String line) {
        String text = CellText.squash(line);
        for (Gated l : labels) {
            if (l.gate().admits(text)) {
                Matcher m = l.pattern().matcher(text);
                if (m.find()) {
                    return Optional.of(new Named(l.family(), m.group(), 0));
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern ANY_LABEL = Pattern.compile(
            "(?:公开|预算|决算)(?:[0-9]{1,2}(?:-[0-9])?表|表[0-9一二三四五六七八九十]{1,3}(?![\\p{IsHan}]))");
    private static final Gate ANY_LABEL_GATE = Gate.of(ANY_LABEL);

    boolean hasLabel(String line) {
        String text = CellText.squash(line);
        return label(text).isPresent() || ANY_LABEL_GATE.admits(text) && ANY_LABEL.matcher(text).find();
    }

    /** The family whose header words all appear in the given header text. */
    Optional<TableGrammar.Family> byHeader(String headerText) {
        String text = CellText.squash(headerText);
        for (TableGrammar.Family f : grammar.families()) {
            for (List<String> set : f.headers()) {
                if (!set.isEmpty() && set.stream().allMatch(text::contains)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The unit a unit note names (单位：元 → 元). */
    Optional<String> unit(String line) {
        Matcher m = grammar.words().unitNote().matcher(CellText.squash(line));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    boolean isNote(String line) {
        return grammar.words().notes().matcher(CellText.squash(line)).find();
    }

    boolean isContinuedNote(String line) {
        return grammar.words().continued().matcher(CellText.squash(line)).find();
    }

    boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line.strip()).matches();
    }

    /** A row that is not part of the grid: a title, a label, the 部门/单位 line, a note, or "…" filler. */
    boolean isMetaRow(List<Cell> row) {
        List<String> texts = new ArrayList<>(row.size());
        List<String> squashed = new ArrayList<>(row.size());
        for (Cell c : row) {
            String s = CellText.squash(c.text());
            if (!s.isEmpty()) {
                texts.add(c.text());
                squashed.add(s);
            }
        }
        if (texts.isEmpty()) {
            return false;
        }
        if (isNote(squashed.get(0))) {
            return true;
        }
        for (String s : squashed) {
            if (grammar.words().meta().matcher(s).find() || hasLabel(s)) {
                return true;
            }
        }
        if (texts.size() == 1) {
            String only = texts.get(0);
            return title(only).isPresent() || CellText.isNothing(only) || only.strip().equals("…")
                    || CellText.squash(only).matches(".*(?:决算|预算)(?:报)?表$|^[0-9]{4}年.*表$");
        }
        return texts.stream().allMatch(t -> CellText.isNothing(t) || t.strip().equals("…"));
    }
}
