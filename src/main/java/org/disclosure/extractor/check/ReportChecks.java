package org.disclosure.extractor.check;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.ingest.Document;

/**
 * Every check a report goes through, registered in one place: the consistency of its fields
 * ({@link ConsistencyChecker}), each standard table against itself ({@link TableArithmetic}). Shared between threads.
 */
public final class ReportChecks {

    private final ConsistencyChecker consistency = new ConsistencyChecker();
    private final TableArithmetic tables = new TableArithmetic(TableChecks.load());

    /** The findings on a report's record; the document is where the record was read from. */
    public List<Finding> check(Document doc, ReportRecord record) {
        List<Finding> findings = new ArrayList<>(consistency.check(record));
        if (record.reason() == null) {
            findings.addAll(tables.check(record));
        }
        return findings;
    }
}
