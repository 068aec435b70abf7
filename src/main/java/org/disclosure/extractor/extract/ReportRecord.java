package org.disclosure.extractor.extract;

import java.util.List;
import java.util.Optional;

/**
 * The record of one report: its fields, each with provenance. A file that is not a disclosure
 * report gets a record with no fields and a {@code reason} saying why.
 *
 * @param source the file
 * @param fields the fields found, in dictionary order
 * @param reason why the record has no figures (not-a-report, no-text, template …), or null
 */
public record ReportRecord(Source source, List<FieldValue> fields, String reason) {

    public ReportRecord {
        fields = List.copyOf(fields);
    }

    public Optional<FieldValue> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
