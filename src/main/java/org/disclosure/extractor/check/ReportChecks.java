package org.disclosure.extractor.check;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ProvenanceBoxes;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.outline.SectionTree;

/**
 * Every check a report goes through, registered in one place: the consistency of its fields
 * ({@link ConsistencyChecker}), each standard table against itself ({@link TableArithmetic}), stated directions against their figures
 * ({@link StatedDirections}), the report's form ({@link FormChecks})
 * and whether its volume of tables is complete ({@link TableCompleteness}); a file read only in part is
 * flagged as such; figures read by OCR are trusted only as far as these checks bear them out ({@link OcrFigures}).
 * Shared between threads.
 */
public final class ReportChecks {

    private final ConsistencyChecker consistency = new ConsistencyChecker();
    private final TableArithmetic tables = new TableArithmetic(TableChecks.load());
    private final StatedDirections directions = StatedDirections.load();
    private final FormChecks form = FormChecks.load();
    private final TableCompleteness completeness = TableCompleteness.load();
    private final OcrFigures ocr = OcrFigures.load(consistency, tables);

    /**
     * The record with its findings, its values' glyph boxes and whether OCR read them ({@link ProvenanceBoxes}), and
     * its OCR'd figures judged by the checks ({@link OcrFigures}): what the pipeline writes.
     */
    public ReportRecord checked(Document doc, SectionTree tree, ReportRecord record) {
        return ocr.gate(doc, ProvenanceBoxes.fill(doc, record.withFindings(check(doc, tree, record))));
    }

    /** The findings on a report's record; the document is where the record was read from. */
    public List<Finding> check(Document doc, ReportRecord record) {
        return check(doc, Outline.build(doc), record);
    }

    /** As {@link #check(Document, ReportRecord)}, with the document's section tree built already (by the pipeline). */
    public List<Finding> check(Document doc, SectionTree tree, ReportRecord record) {
        List<Finding> findings = new ArrayList<>(consistency.check(record));
        if (record.reason() == null) {
            findings.addAll(tables.check(record));
            List<Finding> stated = directions.check(doc, tree);
            stated.removeIf(f -> alreadyFound(f, findings));
            findings.addAll(stated);
            findings.addAll(form.check(doc, tree, record));
            findings.addAll(completeness.check(doc, record));
        }
        if (doc.damage() != null) {
            findings.add(damaged(doc));
        }
        return OneCause.group(findings); // one cause, one finding: across every kind of check
    }

    /** A file read only in part: what the record lacks may be in the part that could not be read. */
    private static Finding damaged(Document doc) {
        String rule = "form/damaged_file";
        return new Finding(rule, "warning",
                "文件已损坏，部分内容未能读出，数字可能缺失（" + doc.damage() + "）。",
                "The file is damaged, part of it could not be read and figures may be missing (" + doc.damage() + ").",
                List.of(new FieldValue("source.damaged", true, null,
                        new Provenance(doc.file(), null, null, doc.damage(), 0, 0, rule))), null, null, null);
    }

    /**
     * A sentence's change already judged on the record's fields (the same rate, read from the same sentence, by
     * the change checks of checks.yaml): one finding is enough.
     */
    private static boolean alreadyFound(Finding f, List<Finding> found) {
        String paragraph = f.values().get(0).provenance().text();
        return found.stream().filter(o -> o.rule().startsWith("change/") || o.rule().startsWith("direction/"))
                .anyMatch(o -> o.actual() != null && f.actual() != null && o.actual().compareTo(f.actual()) == 0
                        && o.values().stream().anyMatch(v -> paragraph.contains(v.provenance().text())));
    }
}
