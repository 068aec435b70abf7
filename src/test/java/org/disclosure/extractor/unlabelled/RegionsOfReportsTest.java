package org.disclosure.extractor.unlabelled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.Test;

/**
 * Every record of ../shared/corpus and ../shared/unlabelled that names its department has the region and GB/T 2260
 * code a person checked against the department's name and the report (src/test/resources/regions/expected.tsv);
 * a record without a department has no region.
 */
class RegionsOfReportsTest {

    private static final Path EXPECTED = Path.of("src", "test", "resources", "regions", "expected.tsv");
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final List<String> KEYS = List.of("doc.department", "doc.region.province", "doc.region.city",
            "doc.region.county", "doc.region.code");

    @Test
    void everyDepartmentHasTheRegionCheckedByHand() throws Exception {
        Map<String, List<String>> expected = expected();
        Map<String, ReportRecord> records = new TreeMap<>(corpus());
        UnlabelledReports.outcomes().forEach((file, outcome) -> {
            if (outcome instanceof Pipeline.Extracted e) {
                records.put("unlabelled/" + file, e.record());
            }
        });
        assertThat(records).hasSizeGreaterThan(160);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> byLevel = new TreeMap<>();
        for (Map.Entry<String, ReportRecord> e : records.entrySet()) {
            List<String> actual = KEYS.stream().map(k -> e.getValue().field(k).map(FieldValue::value).map(String::valueOf).orElse("")).toList();
            List<String> want = expected.getOrDefault(e.getKey(), List.of("", "", "", "", ""));
            if (!actual.equals(want)) {
                wrong.add(e.getKey() + ": expected " + want + ", got " + actual);
            }
            e.getValue().field("doc.region.code").ifPresent(code -> {
                assertThat(code.value()).as("%s: a code is text", e.getKey()).isInstanceOf(String.class);
                assertThat((String) code.value()).matches("[1-8][0-9]{5}");
            });
            byLevel.merge(actual.get(3).isEmpty() ? actual.get(2).isEmpty() ? actual.get(1).isEmpty() ? "none" : "province"
                    : "city" : "county", 1, Integer::sum);
        }
        assertThat(wrong).as("records whose department or region differs from the list checked by hand").isEmpty();
        assertThat(expected.keySet()).as("files of the list").isSubsetOf(records.keySet());
        assertThat(byLevel).containsKeys("province", "city", "county");
    }

    /** The list checked by hand: file → department, province, city, county, code. */
    private static Map<String, List<String>> expected() throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        boolean header = true;
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] p = line.split("\t", -1);
            rows.put(p[0], List.of(p[1], p[2], p[3], p[4], p[5]));
        }
        return rows;
    }

    /** The records of ../shared/corpus, by path under ../shared (corpus/real/…). */
    private static Map<String, ReportRecord> corpus() throws Exception {
        assertThat(CORPUS).as("../shared/corpus (clone the project beside ../shared, as CI does)").isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        }
        Pipeline pipeline = new Pipeline();
        Map<String, ReportRecord> out = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Path f : files) {
                jobs.add(pool.submit(() -> {
                    if (pipeline.process(f, f.toString()) instanceof Pipeline.Extracted e) {
                        out.put("corpus/" + CORPUS.relativize(f).toString().replace('\\', '/'), e.record());
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
