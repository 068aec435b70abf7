package org.disclosure.extractor.extract;

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
 */
public record Provenance(String file, Integer page, String section, String text, int spanStart, int spanEnd, String rule) {
}
