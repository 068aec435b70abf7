package org.disclosure.extractor.extract;

import java.util.List;
import org.disclosure.extractor.ingest.Box;

/**
 * Where a value came from.
 *
 * @param file       the file as the user named it
 * @param page       1-based page, where the format has pages
 * @param section    the section path (headings joined by " > "), or null
 * @param text       the sentence, heading or cell the value was read from
 * @param spanStart  start of the value's characters in {@code text}, or -1
 * @param spanEnd    end (exclusive) of the value's characters in {@code text}, or -1
 * @param rule       id of the rule that produced the value
 * @param boxes      for a value read from a PDF, where the characters of its span are drawn: one {@link Box} a line
 *                   (points, origin at the top-left of the rendered page); empty where that is not known (other
 *                   formats, a glyph not drawn upright)
 * @param confidence for a value whose characters were read by OCR from a page's image, the recognition engine's
 *                   confidence in them, 0–100 (the lowest over the value's characters; the page's mean where its
 *                   characters were not found; 0 where the engine gave none); null for text the file itself holds
 */
public record Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule,
                         List<Box> boxes, Float confidence) {

    public Provenance {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    /** A provenance of text the file holds (not read by OCR). */
    public Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule,
                      List<Box> boxes) {
        this(file, page, section, text, spanStart, spanEnd, rule, boxes, null);
    }

    /** A provenance whose glyph boxes are not (yet) known. */
    public Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule) {
        this(file, page, section, text, spanStart, spanEnd, rule, List.of(), null);
    }

    /** Whether the value's characters were read by OCR from a page's image (and may be misread). */
    public boolean ocr() {
        return confidence != null;
    }

    public Provenance withBoxes(List<Box> newBoxes) {
        return new Provenance(file, page, section, text, spanStart, spanEnd, rule, newBoxes, confidence);
    }

    /** The same place, read by OCR with the given confidence (0–100), or from the file's text where null. */
    public Provenance withConfidence(Float newConfidence) {
        return new Provenance(file, page, section, text, spanStart, spanEnd, rule, boxes, newConfidence);
    }

    /** The same place, read by another rule. */
    public Provenance withRule(String newRule) {
        return new Provenance(file, page, section, text, spanStart, spanEnd, newRule, boxes, confidence);
    }

    /** Whether two provenances name the same characters of the same statement (boxes and confidence aside). */
    public boolean samePlace(Provenance other) {
        return other != null && java.util.Objects.equals(file, other.file) && java.util.Objects.equals(page, other.page)
                && java.util.Objects.equals(text, other.text) && spanStart == other.spanStart
                && spanEnd == other.spanEnd;
    }
}
