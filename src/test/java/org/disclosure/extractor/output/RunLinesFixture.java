package org.disclosure.extractor.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made lines of records.jsonl, written as the extractor writes them, for the tests of the tables. */
final class RunLinesFixture {

    private final List<String> lines = new ArrayList<>();

    /** A record of a report: file, department, year, kind and the words its kind was read from, then fields. */
    RunLinesFixture report(String file, String department, int year, String kind, String kindText, String fields) {
        String p = "{\"file\":\"" + file + "\",\"page\":1,\"text\":\"" + kindText + "\",\"rule\":\"doc.kind/title\"}";
        lines.add("{\"source\":{\"file\":\"" + file + "\",\"sha256\":\"ab\",\"format\":\"pdf\",\"pages\":3},"
                + "\"doc\":{\"department\":{\"value\":\"" + department + "\",\"provenance\":" + p + "},"
                + "\"fiscal_year\":{\"value\":" + year + ",\"provenance\":" + p + "},"
                + "\"kind\":{\"value\":\"" + kind + "\",\"provenance\":" + p + "}}"
                + (fields.isEmpty() ? "" : "," + fields)
                + ",\"findings\":[],\"tables\":[]}");
        return this;
    }

    /** A line as it is. */
    RunLinesFixture line(String json) {
        lines.add(json);
        return this;
    }

    /** A figure of a record: "three_public":{"reception":{"value":10.00,…}}. */
    static String figure(String group, String key, String value, String text) {
        return "\"" + group + "\":{\"" + key + "\":{\"value\":" + value + ",\"unit\":\"万元\",\"provenance\":{\"file\":\"f\","
                + "\"page\":5,\"section\":\"三公\",\"text\":\"" + text + "\",\"span\":[2,7],\"rule\":\"" + group + "." + key + "/r\"}}}";
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("records.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
