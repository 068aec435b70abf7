package org.disclosure.extractor.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosure.extractor.extract.FieldDictionary;

/**
 * dictionary.csv, written into every output folder: what each column of records.csv (and each key of
 * records.jsonl) is — its Chinese name, type, unit, and what it means in final accounts and in a budget — so that
 * the outputs can be read without the README.
 */
public final class DataDictionary {

    public static final String FILE = "dictionary.csv";

    static final List<String> HEADER = List.of("key", "label_zh", "type", "unit", "meaning", "in_a_budget_report");

    /**
     * The columns saying what OCR read (records.csv's page count, values.csv's and items.csv's flag and confidence;
     * in records.jsonl source.ocr and a provenance's {@code ocr} and {@code confidence}).
     */
    static final List<List<String>> RECOGNITION = List.of(
            List.of("ocr_pages", "OCR识别页数", "integer", "",
                    "records.csv: pages of the file read by OCR from their images (source.ocr.pages); empty where no page needed it",
                    "as in final accounts"),
            List.of("ocr", "由OCR识别", "boolean", "",
                    "values.csv and items.csv: true where the figure was read by OCR from a page's image and may be misread"
                            + " (provenance.ocr); such a figure fills a field only when the report's checks do not contradict it",
                    "as in final accounts"),
            List.of("ocr_confidence", "OCR置信度", "number", "",
                    "values.csv and items.csv: the OCR engine's confidence in the figure's characters, 0–100, the lowest"
                            + " over them (provenance.confidence); empty for text the file holds",
                    "as in final accounts"));

    private DataDictionary() {
    }

    /** Writes (or replaces, atomically) the folder's dictionary.csv. */
    public static void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            w.write('\uFEFF'); // Excel reads the Chinese names right only with a BOM
            csv.printRecord(HEADER);
            for (FieldDictionary.Field f : FieldDictionary.fields()) {
                csv.printRecord(f.key(), f.zh(), f.type(), unit(f.type()), f.meaning(), inABudget(f));
            }
            for (List<String> row : RECOGNITION) {
                csv.printRecord(row);
            }
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The unit of a type's values as records hold them: amounts in 万元 exactly, percentages as numbers. */
    static String unit(String type) {
        return switch (type) {
            case "amount", "signed amount" -> "万元";
            case "percent", "signed percent" -> "%";
            default -> "";
        };
    }

    /**
     * What a key means when doc.kind is budget (shared schema, README): every amount is the year's budgeted
     * figure, changes are against the previous year's budget, actual figures and completion rates do not apply.
     */
    static String inABudget(FieldDictionary.Field f) {
        if (f.key().endsWith(".actual") || f.key().contains("completion_rate")) {
            return "not applicable (不适用): a budget has no actual figures";
        }
        if (f.type().startsWith("signed")) {
            return "change on the previous year's budget (较上年预算)";
        }
        if (f.type().equals("amount")) {
            return "the year's budgeted figure (预算数)";
        }
        return "as in final accounts";
    }
}
