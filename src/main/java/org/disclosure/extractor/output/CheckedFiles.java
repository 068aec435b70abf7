package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What `check` found for each file, read back from the output folder of a run over them (records.jsonl,
 * errors.jsonl): whether the file was read as a report, and if not why, in words; its findings.
 */
public final class CheckedFiles {

    /** Amounts read back exactly as written (6032.55, not a double). */
    static final ObjectReader JSON = JsonRecords.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CheckedFiles() {
    }

    /** Whether a file was read as a report. */
    public enum Status {
        /** Read whole as a report: its findings are all there is. */
        REPORT("report"),
        /**
         * Read as a report in part, from a damaged file or without the pages OCR could not read: figures may be
         * missing, so findings may be too.
         */
        DAMAGED("damaged"),
        /** Not read as a report (no text, a template, not a report, or unreadable): nothing was checked. */
        NOT_READ("not-read");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One file as check saw it.
     *
     * @param file        the path as given
     * @param status      whether it was read as a report
     * @param reason      why it was not read whole (no-text, template, not-a-report, damaged, or the reason of
     *                    errors.jsonl: encrypted, corrupt, timeout …), null for a report read whole
     * @param explanation the same in words, to show the user, null for a report read whole
     * @param department  the department, "" when not found
     * @param year        the fiscal year, "" when not found
     * @param findings    its findings as in records.jsonl (values with provenance)
     * @param findingRows its rows of findings.csv, in the columns of {@link RecordWriters#FINDINGS_HEADER}
     */
    public record CheckedFile(String file, Status status, String reason, String explanation, String department,
                              String year, List<JsonNode> findings, List<List<String>> findingRows) {

        public long count(String severity) {
            return findings.stream().filter(f -> severity.equals(f.path("severity").asText())).count();
        }

        /** The same file with only its error findings. */
        public CheckedFile errorsOnly() {
            return new CheckedFile(file, status, reason, explanation, department, year,
                    findings.stream().filter(f -> "error".equals(f.path("severity").asText())).toList(),
                    findingRows.stream().filter(r -> "error".equals(r.get(4))).toList());
        }
    }

    /**
     * The files of a run in the order given ({@code files}, as labelled in the run), then any other file
     * the folder names.
     */
    public static List<CheckedFile> read(Path folder, List<String> files) throws IOException {
        Map<String, CheckedFile> byFile = new LinkedHashMap<>();
        Map<String, CheckedFile> others = new TreeMap<>();
        for (JsonNode r : lines(folder.resolve("records.jsonl"))) {
            CheckedFile c = fromRecord(r);
            byFile.put(c.file(), c);
        }
        for (JsonNode e : lines(folder.resolve("errors.jsonl"))) {
            CheckedFile c = fromError(e);
            byFile.putIfAbsent(c.file(), c);
        }
        List<CheckedFile> ordered = new ArrayList<>();
        for (String f : files) {
            CheckedFile c = byFile.remove(f);
            if (c != null) {
                ordered.add(c);
            }
        }
        others.putAll(byFile);
        ordered.addAll(others.values());
        return ordered;
    }

    static CheckedFile fromRecord(JsonNode r) {
        String file = r.at("/source/file").asText();
        String department = r.at("/doc/department/value").asText("");
        String year = r.at("/doc/fiscal_year/value").asText("");
        List<JsonNode> findings = new ArrayList<>();
        r.path("findings").forEach(findings::add);
        List<List<String>> fileRows = findingRows(r);
        String reason = r.path("reason").asText(null);
        if (reason != null) {
            String code = code(reason);
            return new CheckedFile(file, Status.NOT_READ, code, words(code, reason), department, year, findings, fileRows);
        }
        String unreadScans = r.at("/source/ocr/unavailable").asText("");
        if (!unreadScans.isEmpty()) {
            // pages that are scans were left unread: the figures on them, and what they contradict, are missing
            return new CheckedFile(file, Status.DAMAGED, SCANS_UNREAD, "read in part: pages that need OCR were not read, "
                    + "figures on them may be missing (" + unreadScans + ")", department, year, findings, fileRows);
        }
        if (r.at("/source/damaged").asBoolean(false)) {
            String damage = r.at("/source/damage").asText("");
            return new CheckedFile(file, Status.DAMAGED, "damaged", "damaged: read in part, figures may be missing"
                    + (damage.isEmpty() ? "" : " (" + damage + ")"), department, year, findings, fileRows);
        }
        return new CheckedFile(file, Status.REPORT, null, null, department, year, findings, fileRows);
    }

    static CheckedFile fromError(JsonNode e) {
        String file = e.path("file").asText();
        String reason = e.path("reason").asText("unreadable");
        String message = e.path("message").asText("");
        if (message.startsWith(file + ": ")) {
            message = message.substring(file.length() + 2);
        }
        message = message.replaceFirst(" \\(skipped\\)$", "");
        return new CheckedFile(file, Status.NOT_READ, reason, "could not be read (" + reason + "): " + message, "", "",
                List.of(), List.of());
    }

    /** The reason of a report read without its pages that needed OCR (OCR off, or not installed). */
    public static final String SCANS_UNREAD = "scans-unread";

    /** "not-a-report: the title …" → not-a-report. */
    static String code(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon).strip() : reason.strip();
    }

    /** Why a record holds no report, in words that say what the user can do. */
    static String words(String code, String reason) {
        int colon = reason.indexOf(':');
        String rest = colon > 0 ? reason.substring(colon + 1).strip() : "";
        return switch (code) {
            case "no-text" -> "no text: " + (rest.isEmpty() ? "the file holds no readable text" : rest);
            case "template" -> "blank template" + (rest.isEmpty() ? "" : ": " + rest);
            case "not-a-report" -> "not a report" + (rest.isEmpty() ? "" : ": " + rest);
            default -> reason;
        };
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.exists(file)) {
            return nodes;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        }
        return nodes;
    }

    /** A record's rows of findings.csv, in the columns of {@link RecordWriters#FINDINGS_HEADER}. */
    private static List<List<String>> findingRows(JsonNode record) {
        int kind = RecordRows.FINDINGS.stream().map(Column::key).toList().indexOf("kind");
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : RecordRows.findings(record, RecordRows.Whose.of(record))) {
            List<Object> cells = new ArrayList<>(row);
            cells.remove(kind); // check's CSV keeps the columns it always had
            rows.add(CsvTables.cells(cells));
        }
        return rows;
    }
}
