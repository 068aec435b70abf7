package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.List;
import org.disclosure.extractor.ingest.Document;

/** Extracts the record of one normalised document. Shared between threads. */
public final class RecordExtractor {

    private final IdentityExtractor identity = new IdentityExtractor();

    public ReportRecord extract(Document doc, Source source) {
        List<FieldValue> fields = new ArrayList<>();
        IdentityExtractor.Identity id = identity.extract(doc);
        fields.addAll(id.fields());
        return new ReportRecord(source, fields, id.reason());
    }
}
