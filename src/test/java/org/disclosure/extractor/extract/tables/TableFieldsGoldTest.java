package org.disclosure.extractor.extract.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.Test;

/** The record fields the standard tables state, through the whole pipeline. */
class TableFieldsGoldTest {

    private static final Pipeline PIPELINE = new Pipeline();

    /** The workbook of seed 001's nine tables alone gives every field its gold record lists, and nothing else. */
    @Test
    void theTablesWorkbookGivesItsGoldFields() throws Exception {
        ReportRecord record = record("corpus/rendered/001_627f347534218911_tables.xlsx");
        JsonNode gold = new ObjectMapper().readTree(Path.of("src/test/resources/gold/001_627f347534218911_tables.json")
                .toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(record.field(e.getKey())).as(e.getKey()).hasValueSatisfying(f -> same(e.getKey(), e.getValue(), f));
        }
        for (FieldValue f : record.fields()) {
            if (org.disclosure.extractor.extract.FieldDictionary.field(f.key()).map(d -> d.projectOnly()).orElse(false)) {
                continue; // a project key beyond the shared schema: gold records do not hold it
            }
            JsonNode expected = gold.path("fields").has(f.key()) ? gold.path("fields").get(f.key())
                    : gold.path("optional").get(f.key());
            assertThat(expected).as(f.key() + " = " + f.value() + " is not in the gold record").isNotNull();
            same(f.key(), expected, f);
        }
        FieldValue basic = record.field("expenditure.basic").orElseThrow();
        assertThat(basic.provenance().rule()).isEqualTo("table:expenditure/expenditure.basic");
        assertThat(basic.provenance().section()).isEqualTo("部门支出决算表");
        assertThat(basic.provenance().page()).isEqualTo(3);
        assertThat(basic.provenance().text()).startsWith("合计 | ");
        assertThat(basic.provenance().text().substring(basic.provenance().spanStart(), basic.provenance().spanEnd()))
                .isEqualTo("242.91");
    }

    /** In a whole report the narrative's figures stand; the tables fill the rest and restate the others. */
    @Test
    void tablesFillWhatTheNarrativeLeavesAndRestateTheRest() throws Exception {
        ReportRecord record = record("corpus/rendered/001_627f347534218911.docx");
        assertThat(record.field("income.general_budget")).hasValueSatisfying(f -> {
            assertThat((BigDecimal) f.value()).isEqualByComparingTo("391.37");
            assertThat(f.provenance().rule()).isEqualTo("table:income_expenditure_total/income.general_budget");
        });
        assertThat(record.field("totals.grand_total").orElseThrow().provenance().rule()).doesNotStartWith("table:");
        assertThat(record.statements("totals.grand_total")).extracting(f -> f.provenance().rule())
                .contains("table:income_expenditure_total/totals.grand_total");
        assertThat(record.tables()).hasSize(100);
    }

    private static ReportRecord record(String file) {
        Pipeline.Outcome outcome = PIPELINE.process(Path.of(file), file);
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }

    private static void same(String key, JsonNode expected, FieldValue found) {
        if (found.value() instanceof BigDecimal amount) {
            assertThat(amount).as(key).isEqualByComparingTo(expected.asText());
        } else {
            assertThat(String.valueOf(found.value())).as(key).isEqualTo(expected.asText());
        }
    }
}
