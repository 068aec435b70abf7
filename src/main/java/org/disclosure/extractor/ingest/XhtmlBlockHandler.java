package org.disclosure.extractor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML that Tika emits for Word, Excel and HTML files into blocks:
 * h1–h6 become headings, p and div text paragraphs (emphasised when mostly bold), tables grids of cells.
 * Page headers and footers, and text of embedded objects, are left out.
 */
final class XhtmlBlockHandler extends DefaultHandler {

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");

    private final List<Block> blocks = new ArrayList<>();
    private final boolean pagesAreSheets;
    private int page = 0;

    private final StringBuilder text = new StringBuilder();
    private int boldChars = 0;
    private int boldDepth = 0;
    private int headingLevel = 0;
    private int skipDepth = 0;
    private int depth = 0;

    private int tableDepth = 0;
    private List<List<Cell>> rows;
    private List<Cell> row;
    private StringBuilder cell;
    private int cellRowSpan = 1;
    private int cellColSpan = 1;

    XhtmlBlockHandler(boolean pagesAreSheets) {
        this.pagesAreSheets = pagesAreSheets;
    }

    List<Block> blocks() {
        flushText();
        return blocks;
    }

    int pageCount() {
        return page;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        depth++;
        String name = localName.isEmpty() ? qName : localName;
        String cls = atts.getValue("class");
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("head") || name.equals("script") || name.equals("style")
                || (name.equals("div") && cls != null && (cls.equals("header") || cls.equals("footer")
                        || cls.equals("embedded") || cls.equals("package-entry") || cls.equals("comment")
                        || cls.equals("footnote") || cls.equals("endnote")))) {
            skipDepth = depth;
            return;
        }
        if (tableDepth > 0) {
            startInTable(name, atts);
            return;
        }
        switch (name) {
            case "table" -> {
                flushText();
                tableDepth = 1;
                rows = new ArrayList<>();
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flushText();
                headingLevel = name.charAt(1) - '0';
                if (pagesAreSheets && headingLevel == 1) {
                    page++; // Tika heads each sheet with its name in h1
                }
            }
            case "p", "div", "li", "br", "tr" -> flushText();
            case "b", "strong" -> boldDepth++;
            default -> { }
        }
    }

    private void startInTable(String name, Attributes atts) {
        switch (name) {
            case "table" -> tableDepth++;
            case "tr" -> {
                if (tableDepth == 1) {
                    row = new ArrayList<>();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1) {
                    cell = new StringBuilder();
                    cellRowSpan = span(atts.getValue("rowspan"));
                    cellColSpan = span(atts.getValue("colspan"));
                }
            }
            case "p", "div", "br", "li" -> {
                if (cell != null && !cell.isEmpty()) {
                    cell.append('\n');
                }
            }
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (skipDepth > 0) {
            if (depth == skipDepth) {
                skipDepth = 0;
            }
            depth--;
            return;
        }
        depth--;
        if (tableDepth > 0) {
            endInTable(name);
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li" -> flushText();
            case "b", "strong" -> boldDepth = Math.max(0, boldDepth - 1);
            default -> { }
        }
    }

    private void endInTable(String name) {
        switch (name) {
            case "table" -> {
                tableDepth--;
                if (tableDepth == 0) {
                    if (row != null && !row.isEmpty()) {
                        rows.add(row);
                    }
                    if (!rows.isEmpty()) {
                        blocks.add(Block.table(new Table(rows), currentPage()));
                    }
                    rows = null;
                    row = null;
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && row != null) {
                    rows.add(row);
                    row = null;
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && cell != null) {
                    if (row == null) {
                        row = new ArrayList<>();
                    }
                    row.add(new Cell(clean(cell.toString()), cellRowSpan, cellColSpan));
                    cell = null;
                }
            }
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            if (cell != null) {
                cell.append(ch, start, length);
            }
            return;
        }
        text.append(ch, start, length);
        if (boldDepth > 0 || headingLevel > 0) {
            for (int i = start; i < start + length; i++) {
                if (!Character.isWhitespace(ch[i])) {
                    boldChars++;
                }
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void flushText() {
        String t = clean(text.toString());
        if (!t.isEmpty()) {
            if (headingLevel > 0) {
                blocks.add(Block.heading(t, currentPage(), headingLevel));
            } else {
                long visible = t.codePoints().filter(c -> !Character.isWhitespace(c)).count();
                blocks.add(Block.paragraph(t, currentPage(), visible > 0 && boldChars >= visible * 0.8));
            }
        }
        text.setLength(0);
        boldChars = 0;
        headingLevel = 0;
    }

    private Integer currentPage() {
        return pagesAreSheets && page > 0 ? page : null;
    }

    private static String clean(String s) {
        return BOOKMARK.matcher(s).replaceAll("").strip();
    }

    private static int span(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
