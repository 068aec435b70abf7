package org.disclosure.extractor.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.disclosure.extractor.output.CheckedFiles.CheckedFile;
import org.disclosure.extractor.output.CheckedFiles.Status;

/**
 * Prints what `check` found, file by file: as text for a person (findings with their sentences, or why a
 * file was not read), as CSV (findings.csv's columns plus the file's status), or as JSON Lines (one object
 * per file).
 */
public final class CheckPrinter {

    /** The columns of check's CSV: those of findings.csv, then the file's status, reason and its words. */
    public static final List<String> CSV_HEADER;

    static {
        List<String> h = new ArrayList<>(RecordWriters.FINDINGS_HEADER);
        h.addAll(List.of("status", "reason", "status_message"));
        CSV_HEADER = List.copyOf(h);
    }

    private CheckPrinter() {
    }

    public static void text(List<CheckedFile> files, PrintStream out) {
        for (CheckedFile c : files) {
            String who = (c.department().isEmpty() ? "" : c.department() + " ") + (c.year().isEmpty() ? "" : c.year() + " ");
            String what = c.status() == Status.NOT_READ ? "not read as a report, not checked" : findings(c);
            if (c.status() == Status.DAMAGED) {
                what = (CheckedFiles.SCANS_UNREAD.equals(c.reason()) ? "read in part; " : "damaged, read in part; ") + what;
            }
            out.printf("%s  %s— %s%n", c.file(), who, what);
            if (c.explanation() != null) {
                out.printf("  %s%n", c.explanation());
            }
            for (JsonNode f : c.findings()) {
                out.printf("  [%s] %s  %s%n", f.path("severity").asText(), f.path("rule").asText(), f.path("message_zh").asText());
                out.printf("          %s%n", f.path("message_en").asText());
                for (JsonNode v : f.path("values")) {
                    JsonNode p = v.path("provenance");
                    out.printf("          %s = %s  %s«%s»%n", v.path("key").asText(), plain(v.path("value")),
                            p.has("page") ? "p" + p.path("page").asText() + " " : "", p.path("text").asText());
                }
            }
        }
        out.flush();
    }

    private static String findings(CheckedFile c) {
        if (c.findings().isEmpty()) {
            return "no findings";
        }
        List<String> parts = new ArrayList<>();
        for (String severity : List.of("error", "warning", "info")) {
            long n = c.count(severity);
            if (n > 0) {
                parts.add(n + " " + severity + (n == 1 || severity.equals("info") ? "" : "s"));
            }
        }
        int n = c.findings().size();
        return n + " finding" + (n == 1 ? "" : "s") + ": " + String.join(", ", parts);
    }

    /** One row per finding, in findings.csv's columns plus the status; a file without findings gets one row. */
    public static void csv(List<CheckedFile> files, PrintStream out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        csv.printRecord(CSV_HEADER);
        for (CheckedFile c : files) {
            List<String> status = statusColumns(c);
            if (c.findingRows().isEmpty()) {
                List<String> row = new ArrayList<>(List.of(c.file(), c.department(), c.year()));
                while (row.size() < RecordWriters.FINDINGS_HEADER.size()) {
                    row.add("");
                }
                row.addAll(status);
                csv.printRecord(row);
            }
            for (List<String> r : c.findingRows()) {
                List<String> row = new ArrayList<>(r);
                row.addAll(status);
                csv.printRecord(row);
            }
        }
        csv.flush();
    }

    private static List<String> statusColumns(CheckedFile c) {
        return List.of(c.status().word(), c.reason() == null ? "" : c.reason(), c.explanation() == null ? "" : c.explanation());
    }

    /** One JSON object per line and file: its status, why, its findings with values and provenance. */
    public static void json(List<CheckedFile> files, PrintStream out) throws IOException {
        for (CheckedFile c : files) {
            ObjectNode n = JsonRecords.MAPPER.createObjectNode();
            n.put("file", c.file());
            n.put("status", c.status().word());
            n.put("reason", c.reason());
            n.put("message", c.explanation());
            n.put("department", c.department().isEmpty() ? null : c.department());
            n.put("year", c.year().isEmpty() ? null : c.year());
            n.put("errors", c.count("error"));
            n.put("warnings", c.count("warning"));
            n.putArray("findings").addAll(c.findings());
            out.println(JsonRecords.MAPPER.writeValueAsString(n));
        }
        out.flush();
    }

    /** The closing line: files, reports read (with errors, with warnings, damaged), files not read by reason. */
    public static String summary(List<CheckedFile> files, double seconds) {
        int reports = 0;
        int withErrors = 0;
        int withWarnings = 0;
        int damaged = 0;
        int scansUnread = 0;
        Map<String, Integer> notRead = new TreeMap<>();
        for (CheckedFile c : files) {
            if (c.status() == Status.NOT_READ) {
                notRead.merge(c.reason(), 1, Integer::sum);
                continue;
            }
            reports++;
            withErrors += c.count("error") > 0 ? 1 : 0;
            withWarnings += c.count("warning") > 0 ? 1 : 0;
            boolean inPart = c.status() == Status.DAMAGED;
            scansUnread += inPart && CheckedFiles.SCANS_UNREAD.equals(c.reason()) ? 1 : 0;
            damaged += inPart && !CheckedFiles.SCANS_UNREAD.equals(c.reason()) ? 1 : 0;
        }
        StringBuilder b = new StringBuilder("check: ").append(files.size()).append(files.size() == 1 ? " file: " : " files: ")
                .append(reports).append(reports == 1 ? " report read" : " reports read")
                .append(" (").append(withErrors).append(" with errors, ").append(withWarnings).append(" with warnings");
        if (damaged > 0) {
            b.append(", ").append(damaged).append(" damaged");
        }
        if (scansUnread > 0) {
            b.append(", ").append(scansUnread).append(" without their scanned pages");
        }
        b.append("), ").append(notRead.values().stream().mapToInt(Integer::intValue).sum()).append(" not read");
        if (!notRead.isEmpty()) {
            List<String> parts = new ArrayList<>();
            notRead.forEach((reason, n) -> parts.add(reason + " " + n));
            b.append(" (").append(String.join(", ", parts)).append(")");
        }
        return b.append(String.format(Locale.ROOT, "; %.1f s", seconds)).toString();
    }

    private static String plain(JsonNode v) {
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }
}
