package org.disclosure.extractor.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.disclosure.extractor.extract.FieldDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output folder explains its columns: dictionary.csv, one row per key, with unit and meaning by kind. */
class DataDictionaryTest {

    @TempDir
    Path dir;

    private Map<String, CSVRecord> rows() throws Exception {
        Path file = dir.resolve("dictionary.csv");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        Map<String, CSVRecord> byKey = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.read(); // the BOM
            List<CSVRecord> all = CSVFormat.DEFAULT.builder().setHeader().build().parse(r).getRecords();
            all.forEach(row -> byKey.put(row.get("key"), row));
        }
        return byKey;
    }

    @Test
    void everyOutputFolderGetsOneRowPerKeyWithItsChineseNameAndUnit() throws Exception {
        new RecordWriters(dir).close();
        Map<String, CSVRecord> rows = rows();
        List<String> keys = new java.util.ArrayList<>(FieldDictionary.fields().stream().map(FieldDictionary.Field::key).toList());
        keys.addAll(List.of("ocr_pages", "ocr", "ocr_confidence"));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        CSVRecord reception = rows.get("three_public.reception");
        assertThat(reception.get("label_zh")).isEqualTo("公务接待费");
        assertThat(reception.get("unit")).isEqualTo("万元");
        assertThat(reception.get("in_a_budget_report")).contains("预算数");
        assertThat(rows.get("three_public.change_pct").get("unit")).isEqualTo("%");
        assertThat(rows.get("three_public.reception_batches").get("unit")).isEmpty();
    }

    @Test
    void theColumnsSayingWhatOcrReadAreDescribedInChineseToo() throws Exception {
        DataDictionary.write(dir);
        Map<String, CSVRecord> rows = rows();
        assertThat(rows.get("ocr").get("label_zh")).isEqualTo("由OCR识别");
        assertThat(rows.get("ocr_confidence").get("label_zh")).isEqualTo("OCR置信度");
        assertThat(rows.get("ocr_pages").get("label_zh")).isEqualTo("OCR识别页数");
        assertThat(rows.get("ocr").get("meaning")).contains("misread");
    }

    @Test
    void aBudgetHasNoActualFiguresNorCompletionRates() throws Exception {
        DataDictionary.write(dir);
        Map<String, CSVRecord> rows = rows();
        assertThat(rows.get("three_public.actual").get("in_a_budget_report")).startsWith("not applicable");
        assertThat(rows.get("general_budget.completion_rate").get("in_a_budget_report")).startsWith("not applicable");
        assertThat(rows.get("operating_expenses.change").get("in_a_budget_report")).contains("previous year's budget");
    }

    @Test
    void aResumedRunKeepsOneWholeDictionary() throws Exception {
        new RecordWriters(dir).close();
        new RecordWriters(dir, true).close();
        assertThat(rows()).hasSize(FieldDictionary.fields().size() + 3);
        assertThat(dir.resolve("dictionary.csv.tmp")).doesNotExist();
    }
}
