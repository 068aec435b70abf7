package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.outline.SectionTree;

/** Extracts the record of one normalised document: identity first, then the grammars over its sections. Shared between threads. */
public final class RecordExtractor {

    private final IdentityExtractor identity = new IdentityExtractor();
    private final GrammarMatcher matcher = new GrammarMatcher();
    private final List<Grammar> grammars;

    public RecordExtractor() {
        this(Grammars.bundled());
    }

    public RecordExtractor(List<Grammar> grammars) {
        this.grammars = List.copyOf(grammars);
    }

    public ReportRecord extract(Document doc, Source source) {
        IdentityExtractor.Identity id = identity.extract(doc);
        List<FieldValue> fields = new ArrayList<>(id.fields());
        if (id.reason() == null) {
            String kind = id.fields().stream().filter(f -> f.key().equals("doc.kind"))
                    .map(f -> String.valueOf(f.value())).findFirst().orElse("final_accounts");
            SectionTree tree = Outline.build(doc);
            for (FieldValue v : matcher.match(doc, tree, kind, grammars)) {
                if (fields.stream().noneMatch(f -> f.key().equals(v.key()))) {
                    fields.add(v);
                }
            }
        }
        fields.sort(Comparator.comparingInt(f -> dictionaryOrder(f.key())));
        return new ReportRecord(source, fields, id.reason());
    }

    private static int dictionaryOrder(String key) {
        List<FieldDictionary.Field> all = FieldDictionary.fields();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key)) {
                return i;
            }
        }
        return all.size();
    }
}
