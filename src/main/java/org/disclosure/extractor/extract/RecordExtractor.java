package org.disclosure.extractor.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disclosure.extractor.extract.tables.StandardTables;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.outline.Scope;
import org.disclosure.extractor.outline.SectionTree;

/**
 * Extracts the record of one normalised document: identity first, then the grammars over its sections, the
 * narrative's item paragraphs, then the standard tables (their line items, and the fields the narrative did not state; a table cell restating a narrative
 * figure is kept as an alternate). Shared between threads.
 */
public final class RecordExtractor {

    private final IdentityExtractor identity = new IdentityExtractor();
    private final GrammarMatcher matcher = new GrammarMatcher();
    private final StandardTables tables = new StandardTables();
    private final NarrativeItems narrativeItems = NarrativeItems.load();
    private final List<Grammar> grammars;

    public RecordExtractor() {
        this(Grammars.bundled());
    }

    public RecordExtractor(List<Grammar> grammars) {
        this.grammars = List.copyOf(grammars);
    }

    public ReportRecord extract(Document doc, Source source) {
        return extract(doc, Outline.build(doc), source);
    }

    /** As {@link #extract(Document, Source)}, with the document's section tree built already (by the pipeline). */
    public ReportRecord extract(Document doc, SectionTree tree, Source source) {
        IdentityExtractor.Identity id = identity.extract(doc);
        List<FieldValue> fields = new ArrayList<>(id.fields());
        List<FieldValue> alternates = new ArrayList<>();
        List<LineItem> items = List.of();
        if (id.reason() == null) {
            String kind = id.fields().stream().filter(f -> f.key().equals("doc.kind"))
                    .map(f -> String.valueOf(f.value())).findFirst().orElse("final_accounts");
            for (FieldValue v : matcher.match(doc, tree, kind, grammars, narrativeItems::opensItem)) {
                if (fields.stream().noneMatch(f -> f.key().equals(v.key()))) {
                    fields.add(v);
                }
            }
            Integer year = id.fields().stream().filter(f -> f.key().equals("doc.fiscal_year"))
                    .map(FieldValue::value).filter(Integer.class::isInstance).map(Integer.class::cast)
                    .findFirst().orElse(null);
            StandardTables.Reading reading = tables.read(doc, kind, year, i -> tree.scopeOf(i) == Scope.MAIN);
            items = new ArrayList<>(narrativeItems.read(doc, tree));
            items.addAll(reading.items());
            for (FieldValue v : reading.fields()) {
                if (fields.stream().noneMatch(f -> f.key().equals(v.key()))) {
                    fields.add(v);
                } else {
                    alternates.add(v);
                }
            }
            alternates.addAll(reading.alternates());
            Volume.of(doc, items).ifPresent(fields::add);
        }
        fields.sort(Comparator.comparingInt(f -> dictionaryOrder(f.key())));
        return new ReportRecord(source, fields, id.reason(), items, alternates, List.of());
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
