package org.disclosure.extractor.check;

import static org.disclosure.extractor.check.FindingWords.label;
import static org.disclosure.extractor.check.FindingWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.disclosure.extractor.GrammarFiles;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.LineItem;
import org.disclosure.extractor.extract.Provenance;
import org.disclosure.extractor.extract.ReportRecord;
import org.disclosure.extractor.ingest.Document;

/**
 * What is trusted of the figures OCR read (grammars/ocr.yaml): a finding resting on one is never an error, a field
 * value that a failing check involves is set aside as an alternate, and one that no check confirms is set aside
 * when the engine was unsure of it. A record without OCR'd values passes unchanged. Shared between threads.
 */
final class OcrFigures {

    /** The info finding listing the figures set aside for want of confirmation. */
    static final String UNCONFIRMED = "ocr/unconfirmed";
    /** Added to a value to see whether a check would catch it were it misread. */
    private static final BigDecimal MISREAD = BigDecimal.valueOf(1000);

    private final ConsistencyChecker consistency;
    private final TableArithmetic tables;
    private final List<String> contradicting;
    private final float floor;
    private final List<String> printedOften;
    /** Fields a check of checks.yaml names: an OCR'd value of one is trusted only when such a check confirms it. */
    private final java.util.Set<String> checked;
    /** The changes of checks.yaml: an increase larger than the year's figure it led to cannot be right. */
    private final List<CheckRules.Change> changes = CheckRules.load().changes();

    OcrFigures(ConsistencyChecker consistency, TableArithmetic tables, List<String> contradicting, float floor,
               List<String> printedOften, java.util.Set<String> checked) {
        this.checked = java.util.Set.copyOf(checked);
        this.consistency = consistency;
        this.tables = tables;
        this.contradicting = List.copyOf(contradicting);
        this.floor = floor;
        this.printedOften = List.copyOf(printedOften);
    }

    static OcrFigures load(ConsistencyChecker consistency, TableArithmetic tables) {
        try (InputStream in = GrammarFiles.open("ocr.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<String> rules = new ArrayList<>();
            root.path("contradicting_rules").forEach(n -> rules.add(n.asText()));
            List<String> often = new ArrayList<>();
            root.path("printed_often").forEach(n -> often.add(n.asText()));
            java.util.Set<String> checked = new java.util.HashSet<>();
            if (root.path("checked_fields_need_a_check").asBoolean(false)) {
                CheckRules c = CheckRules.load();
                c.sums().forEach(x -> {
                    checked.addAll(x.parts());
                    keys(x.total(), checked);
                });
                c.equals().forEach(x -> checked.addAll(List.of(x.a(), x.b())));
                c.rates().forEach(x -> checked.addAll(List.of(x.rate(), x.numerator(), x.denominator())));
                c.changes().forEach(x -> {
                    checked.addAll(List.of(x.change(), x.pct()));
                    keys(x.value(), checked);
                });
            }
            return new OcrFigures(consistency, tables, rules, (float) root.path("unconfirmed_floor").asDouble(0), often,
                    checked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ocr.yaml from the " + GrammarFiles.origin(), e);
        }
    }

    private static void keys(CheckRules.Key key, java.util.Set<String> into) {
        if (key.plain() != null) {
            into.add(key.plain());
        } else {
            into.addAll(key.byKind().values());
        }
    }

    /** The record with its OCR'd figures judged; its values' provenance already says which were read by OCR. */
    ReportRecord gate(Document doc, ReportRecord record) {
        if (!anyOcr(record)) {
            return record;
        }
        List<FieldValue> setAside = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : record.findings()) {
            List<FieldValue> accused = record.fields().stream().filter(v -> v.provenance().ocr())
                    .filter(v -> accused(f).stream().anyMatch(a -> same(a, v))).toList();
            accused.stream().filter(v -> !setAside.contains(v)).forEach(setAside::add);
            findings.add(ocrFinding(f, accused));
        }
        List<FieldValue> unsure = record.fields().stream()
                .filter(v -> v.provenance().ocr() && !setAside.contains(v)
                        && (v.provenance().confidence() < floor || checked.contains(v.key()) || impossible(record, v)))
                .filter(v -> !confirmed(doc, record, v)).toList();
        if (!unsure.isEmpty()) {
            setAside.addAll(unsure);
            findings.add(unconfirmed(unsure));
        }
        List<FieldValue> alternates = new ArrayList<>(setAside);
        alternates.addAll(record.alternates());
        return new ReportRecord(record.source(), record.fields().stream().filter(v -> !setAside.contains(v)).toList(),
                record.reason(), record.tables(), alternates, findings);
    }

    private static boolean anyOcr(ReportRecord r) {
        return Stream.of(r.fields().stream().map(FieldValue::provenance), r.alternates().stream().map(FieldValue::provenance),
                        r.tables().stream().map(LineItem::provenance),
                        r.findings().stream().flatMap(Finding::withSymptoms).flatMap(f -> f.values().stream())
                                .map(FieldValue::provenance))
                .flatMap(s -> s).anyMatch(Provenance::ocr);
    }

    /**
     * The values a finding says may be wrong: the one figure it names as the cause of several findings, where that
     * was read by OCR; else every value of its contradicting checks (information, two roundings of one figure, is
     * no contradiction).
     */
    private List<FieldValue> accused(Finding f) {
        if (f.rule().startsWith("suspect/") && !f.rule().equals("suspect/row") && f.values().get(0).provenance().ocr()) {
            return List.of(f.values().get(0));
        }
        return f.withSymptoms().filter(this::contradicts).flatMap(s -> s.values().stream()).toList();
    }

    private boolean contradicts(Finding f) {
        return !ConsistencyChecker.INFO.equals(f.severity()) && contradicting.stream().anyMatch(f.rule()::startsWith);
    }

    /**
     * A finding resting on an OCR'd figure: never an error, and it says the figure may be misread (and which field
     * values it set aside). Information stays as it is.
     */
    private static Finding ocrFinding(Finding f, List<FieldValue> setAside) {
        boolean ocr = f.values().stream().anyMatch(v -> v.provenance().ocr());
        if (!ocr || ConsistencyChecker.INFO.equals(f.severity())) {
            return f;
        }
        String zh = f.messageZh() + "（所涉数字有的由OCR从扫描页识别，可能误读，不据此认定报告有误。）";
        String en = f.messageEn() + " (Some of these figures were read by OCR from a scanned page and may be misread:"
                + " this is not taken as the report contradicting itself.)";
        if (!setAside.isEmpty()) {
            zh += String.join("、", setAside.stream().map(v -> label(v.key()) + plain(v.value())).toList())
                    + "由OCR识别，未填入字段，留作备选值。";
            en += " Set aside as alternates, not filled in: "
                    + String.join(", ", setAside.stream().map(v -> v.key() + " " + plain(v.value())).toList()) + ".";
        }
        return new Finding(f.rule(), f.isError() ? "warning" : f.severity(), zh, en, f.values(), f.expected(),
                f.actual(), f.difference(), f.symptoms().stream().map(s -> ocrFinding(s, List.of())).toList());
    }

    /**
     * Whether the report confirms an OCR'd figure: another statement of the same field at another place gives the
     * same value (narrative and table), a field printed often (a name, a year) stands as read in two paragraphs or
     * cells, or a check that holds now would fail were the figure different.
     */
    private boolean confirmed(Document doc, ReportRecord r, FieldValue v) {
        boolean readTwice = r.statements(v.key()).stream()
                .anyMatch(o -> !o.provenance().samePlace(v.provenance()) && equal(o.value(), v.value()));
        if (readTwice || printedOften.stream().anyMatch(v.key()::startsWith) && places(doc, printed(v)) > 1) {
            return true;
        }
        Object misread = v.value() instanceof BigDecimal d ? d.add(MISREAD)
                : v.value() instanceof Integer i ? i + MISREAD.intValue() : null;
        if (misread == null) {
            return false;
        }
        ReportRecord changed = new ReportRecord(r.source(),
                r.fields().stream().map(f -> f == v ? new FieldValue(f.key(), misread, f.unit(), f.provenance()) : f).toList(),
                r.reason(),
                r.tables().stream().map(i -> i.provenance().samePlace(v.provenance()) && misread instanceof BigDecimal m
                        ? new LineItem(i.table(), i.title(), i.page(), i.rowCode(), i.rowName(), i.column(), m, i.provenance())
                        : i).toList(),
                r.alternates(), List.of());
        return Stream.concat(consistency.check(changed).stream(), tables.check(changed).stream())
                .flatMap(Finding::withSymptoms)
                .filter(f -> !ConsistencyChecker.INFO.equals(f.severity()))
                .filter(f -> f.values().stream().anyMatch(o -> o.provenance().samePlace(v.provenance())))
                .anyMatch(f -> f.values().stream().anyMatch(o -> !o.provenance().samePlace(v.provenance())));
    }

    /**
     * An increase larger than the figure it led to: last year's figure would be below nothing (a decimal point lost
     * by OCR, 69.42 read 6942, beside this year's 117.2).
     */
    private boolean impossible(ReportRecord r, FieldValue v) {
        if (!(v.value() instanceof BigDecimal change) || change.signum() <= 0) {
            return false;
        }
        String kind = r.field("doc.kind").map(f -> String.valueOf(f.value())).orElse("final_accounts");
        return changes.stream().filter(c -> c.change().equals(v.key()) && c.value().forKind(kind) != null)
                .map(c -> r.field(c.value().forKind(kind)))
                .anyMatch(value -> value.isPresent() && value.get().value() instanceof BigDecimal now
                        && now.subtract(change).signum() < 0);
    }

    /** A value's characters as the page prints them (its span of the text it was read from), else the value. */
    private static String printed(FieldValue v) {
        Provenance p = v.provenance();
        boolean span = p.text() != null && p.spanStart() >= 0 && p.spanEnd() > p.spanStart() && p.spanEnd() <= p.text().length();
        return span ? p.text().substring(p.spanStart(), p.spanEnd()) : String.valueOf(v.value());
    }

    /** In how many paragraphs and table cells of the document a text stands. */
    private static long places(Document doc, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return doc.blocks().stream().flatMap(b -> b.isTable()
                        ? b.table().rows().stream().flatMap(row -> row.stream().map(c -> c.text()))
                        : Stream.of(b.text()))
                .filter(t -> t.contains(text)).count();
    }

    /**
     * One finding listing the OCR'd figures set aside because nothing in the report confirms them and either a check
     * is there to do so or the engine was unsure of them.
     */
    private Finding unconfirmed(List<FieldValue> values) {
        String zh = String.join("、", values.stream().map(v -> label(v.key()) + plain(v.value())
                + "（置信度" + plain(v.provenance().confidence()) + "）").toList());
        String en = String.join(", ", values.stream().map(v -> v.key() + " " + plain(v.value()) + " (confidence "
                + plain(v.provenance().confidence()) + ")").toList());
        return new Finding(UNCONFIRMED, ConsistencyChecker.INFO,
                zh + "由OCR识别，报告中没有其他数字可以印证（识别置信度低于" + plain(floor)
                        + "，或增加额大于本年数，或核对所需的数字未读出），未填入字段，留作备选值。",
                en + ": read by OCR and confirmed by no other figure of the report (a confidence below " + plain(floor)
                        + ", an increase larger than the year's figure, or the figures its check needs not read);"
                        + " set aside as alternates, not filled in.",
                values, null, null, null);
    }

    /** The same statement: the same field read from the same place with the same value. */
    private static boolean same(FieldValue a, FieldValue b) {
        return a.provenance().samePlace(b.provenance()) && equal(a.value(), b.value());
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
