package org.disclosure.extractor.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.output.JsonRecords;

/**
 * What a run did, for the final summary line and summary.json.
 *
 * @param stoppedBy the signal that stopped the run before it was done (INT, TERM, shutdown), or null
 * @param ocr       the run's --ocr and what OCR did in it (files and pages read, files left unread)
 */
public record RunSummary(int files, int skipped, int records, Map<String, Integer> emptyByReason, int errors,
                         Map<String, Integer> errorsByReason, double seconds, String stoppedBy, OcrTally ocr) {

    public RunSummary(int files, int skipped, int records, Map<String, Integer> emptyByReason, int errors,
                      Map<String, Integer> errorsByReason, double seconds, String stoppedBy) {
        this(files, skipped, records, emptyByReason, errors, errorsByReason, seconds, stoppedBy, OcrTally.none(OcrMode.AUTO));
    }

    public String line(Path out) {
        return line(out.toString());
    }

    /** The run's last line, for outputs named by a string (a Hadoop path such as hdfs://…/out). */
    public String line(String out) {
        if (stoppedBy != null) {
            return stoppedLine(out);
        }
        StringBuilder b = new StringBuilder("extract: ").append(count(files, "file"));
        if (skipped > 0) {
            b.append(" (").append(skipped).append(" already done, skipped)");
        }
        b.append(", ").append(count(records, "record"));
        int empty = emptyByReason.values().stream().mapToInt(Integer::intValue).sum();
        if (empty > 0) {
            b.append(" (").append(empty).append(" empty: ").append(counts(emptyByReason)).append(")");
        }
        b.append(", ").append(count(errors, "error"));
        if (errors > 0) {
            b.append(" (").append(counts(errorsByReason)).append(")");
        }
        b.append(ocr.clause());
        b.append(String.format(Locale.ROOT, ", %.1f s -> %s", seconds, out));
        String unread = ocr.unreadLine();
        return unread == null ? b.toString() : b.append(System.lineSeparator()).append(unread).toString();
    }

    /** "1 file", "2 files". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The files done, this run and earlier ones. */
    public int done() {
        return skipped + records + errors;
    }

    private String stoppedLine(String out) {
        String how = switch (stoppedBy) {
            case "INT" -> "by Ctrl-C (SIGINT)";
            case "TERM" -> "by SIGTERM";
            default -> "as the JVM shut down";
        };
        return "extract: stopped " + how + " with " + done() + " of " + files + " files done; the outputs in "
                + out + " are whole: run the same command with --resume to read the other " + (files - done());
    }

    /** The exit status of a run stopped by a signal (130 for SIGINT, 143 for SIGTERM), else 0. */
    public int stopStatus() {
        return stoppedBy == null ? 0 : Stop.exitStatus(stoppedBy);
    }

    private static String counts(Map<String, Integer> byReason) {
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, n) -> parts.add(reason + " " + n));
        return String.join(", ", parts);
    }

    /** The --ocr of the run whose summary.json is in {@code out}, or null (no summary, or one from before --ocr). */
    static OcrMode ocrModeOf(Path out) {
        try {
            Path file = out.resolve("summary.json");
            if (!Files.exists(file)) {
                return null;
            }
            String mode = JsonRecords.MAPPER.readTree(file.toFile()).path("ocr").path("mode").asText("");
            return mode.isEmpty() ? null : OcrMode.parse(mode);
        } catch (IOException | IllegalArgumentException e) {
            return null; // a summary not ours to read: nothing to compare
        }
    }

    /** Writes summary.json into the output folder. */
    void write(Path out) throws IOException {
        Files.writeString(out.resolve("summary.json"), JsonRecords.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json()) + "\n");
    }

    /** What summary.json holds. */
    public ObjectNode json() {
        ObjectNode n = JsonRecords.MAPPER.createObjectNode();
        n.put("files", files);
        n.put("skipped", skipped);
        n.put("records", records);
        n.set("empty_by_reason", JsonRecords.MAPPER.valueToTree(emptyByReason));
        n.put("errors", errors);
        n.set("errors_by_reason", JsonRecords.MAPPER.valueToTree(errorsByReason));
        n.put("seconds", Math.round(seconds * 10) / 10.0);
        n.set("ocr", ocr.json());
        n.put("interrupted", stoppedBy != null);
        if (stoppedBy != null) {
            n.put("stopped_by", stoppedBy);
            n.put("not_done", files - done());
        }
        return n;
    }
}
