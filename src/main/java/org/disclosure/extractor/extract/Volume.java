package org.disclosure.extractor.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.disclosure.extractor.ingest.Block;
import org.disclosure.extractor.ingest.Document;

/**
 * What a volume holds (doc.volume): the narrative (情况说明) only, the standard tables only, or both — reports are
 * often published as two files, and a user pairs a 情况说明 with its 报表 by department and year.
 */
final class Volume {

    /** Paragraphs of prose (a sentence of some length) that make a narrative; a table volume has a note or two. */
    private static final int MIN_PROSE = 5;
    private static final int PROSE_LENGTH = 30;
    /** Standard tables read, or unit notes of tables printed as text (单位：万元), that make a volume of tables. */
    private static final int MIN_TABLES = 2;
    private static final int MIN_UNIT_NOTES = 3;
    private static final Pattern UNIT_NOTE = Pattern.compile("单位[：:]\\s*(?:万元|元|千元)\\s*$");
    private static final Pattern NOTE = Pattern.compile("^\\s*(?:注|说明|备注)\\s*[0-9一二三四五六七八九十]*[：:、.]");

    private Volume() {
    }

    /** narrative, tables or both, with the first line that showed each; empty when the volume shows neither. */
    static Optional<FieldValue> of(Document doc, List<LineItem> items) {
        Block prose = null;
        int proseCount = 0;
        int unitNotes = 0;
        Block firstUnitNote = null;
        for (Block b : doc.blocks()) {
            if (b.isTable()) {
                continue;
            }
            String t = b.text().strip();
            if (t.length() >= PROSE_LENGTH && t.indexOf('。') >= 0 && !NOTE.matcher(t).find()) {
                proseCount++;
                prose = prose == null ? b : prose;
            } else if (UNIT_NOTE.matcher(t).find()) {
                unitNotes++;
                firstUnitNote = firstUnitNote == null ? b : firstUnitNote;
            }
        }
        List<LineItem> tableItems = items.stream().filter(i -> !i.table().equals("narrative")).toList();
        long tables = tableItems.stream().map(LineItem::table).distinct().count();
        boolean hasTables = tables >= MIN_TABLES || unitNotes >= MIN_UNIT_NOTES;
        boolean hasNarrative = proseCount >= MIN_PROSE;
        if (!hasTables && !hasNarrative) {
            return Optional.empty();
        }
        String value = hasTables && hasNarrative ? "both" : hasTables ? "tables" : "narrative";
        Provenance p;
        if (hasNarrative) {
            p = new Provenance(doc.file(), prose.page(), null, prose.text().strip(), 0, 0,
                    "doc.volume/" + value);
        } else if (tables >= MIN_TABLES) {
            p = tableItems.get(0).provenance();
            p = new Provenance(p.file(), p.page(), p.section(), tableItems.get(0).title(), 0, 0, "doc.volume/" + value);
        } else {
            p = new Provenance(doc.file(), firstUnitNote.page(), null, firstUnitNote.text().strip(), 0, 0,
                    "doc.volume/" + value);
        }
        return Optional.of(new FieldValue("doc.volume", value, null, p));
    }
}
