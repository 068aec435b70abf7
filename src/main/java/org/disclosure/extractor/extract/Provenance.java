package org.disclosure.extractor.extract;

import java.util.List;
import org.disclosure.extractor.ingest.Box;

/**
 * Where a value came from.
 *
 * @param file      the file as the user named it
 * @param page      1-based page, where the format has pages
 * @param section   the section path (headings joined by " > "), or null
 * @param text      the sentence, heading or cell the value was read from
 * @param spanStart start of the value's characters in {@code text}, or -1
 * @param spanEnd   end (exclusive) of the value's characters in {@code text}, or -1
 * @param rule      id of the rule that produced the value
 * @param boxes     for a value read from a PDF, where the characters of its span are drawn: one {@link Box} a line
 *                  (points, origin at the top-left of the rendered page); empty where that is not known (other
 *                  formats, a glyph not drawn upright)
 */
public record Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule,
                         List<Box> boxes) {

    public Provenance {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    /** A provenance whose glyph boxes are not (yet) known. */
    public Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule) {
        this(file, page, section, text, spanStart, spanEnd, rule, List.of());
    }

    public Provenance withBoxes(List<Box> newBoxes) {
        return new Provenance(file, page, section, text, spanStart, spanEnd, rule, newBoxes);
    }

    /** The same place, read by another rule. */
    public Provenance withRule(String newRule) {
        return new Provenance(file, page, section, text, spanStart, spanEnd, newRule, boxes);
    }
}
