package org.disclosure.extractor.extract;

import java.util.List;
import java.util.Optional;

/**
 * The record of one report: its fields, each with provenance, the standard tables as line items,
 * other statements of the same fields (kept for the consistency checks) and the findings of those checks.
 * A file that is not a disclosure report gets a record with no fields and a {@code reason} saying why.
 *
 * @param source     the file
 * @param fields     the fields found, one per key, in dictionary order
 * @param reason     why the record has no figures (not-a-report, no-text, template …), or null
 * @param tables     the standard tables' amounts as line items
 * @param alternates further statements of a field (a table cell restating a narrative figure, a second sentence)
 * @param findings   the consistency findings
 */
public record ReportRecord(Source source, List<FieldValue> fields, String reason, List<LineItem> tables,
                           List<FieldValue> alternates, List<Finding> findings) {

    public ReportRecord {
        fields = List.copyOf(fields);
        tables = List.copyOf(tables);
        alternates = List.copyOf(alternates);
        findings = List.copyOf(findings);
    }

    public ReportRecord(Source source, List<FieldValue> fields, String reason) {
        this(source, fields, reason, List.of(), List.of(), List.of());
    }

    public Optional<FieldValue> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Every statement of a field: the chosen value first, then the alternates. */
    public List<FieldValue> statements(String key) {
        return java.util.stream.Stream.concat(fields.stream(), alternates.stream())
                .filter(f -> f.key().equals(key)).toList();
    }

    public ReportRecord withFindings(List<Finding> newFindings) {
        return new ReportRecord(source, fields, reason, tables, alternates, newFindings);
    }
}
