package org.disclosure.extractor.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.output.JsonRecords;

/**
 * What optical character recognition did over a run, from its records' {@code source.ocr}: the files with pages
 * read by OCR and how many pages, and the files with pages that needed OCR and were left unread (with why, for
 * the first of them: what to install or which option to change).
 *
 * @param mode   the run's --ocr
 * @param files  files with at least one page read by OCR
 * @param pages  pages read by OCR, over all files
 * @param unread files with pages that needed OCR and were not read
 * @param why    why the first of those was not read (its record's source.ocr.unavailable), or null
 * @param whyFile the file {@code why} is about
 * @param whyVaries whether other files were left unread for other reasons (not only other page counts)
 */
public record OcrTally(OcrMode mode, int files, int pages, int unread, String why, String whyFile, boolean whyVaries) {

    public static OcrTally none(OcrMode mode) {
        return new OcrTally(mode, 0, 0, 0, null, null, false);
    }

    /** This tally with one more record's {@code source.ocr} (null: a file no page of which needed OCR). */
    OcrTally add(JsonNode ocr) {
        return add(null, ocr);
    }

    /** This tally with one more record's {@code source.ocr}, of the file named. */
    public OcrTally add(String file, JsonNode ocr) {
        if (ocr == null || !ocr.isObject()) {
            return this;
        }
        JsonNode p = ocr.path("pages");
        int read = p.isArray() ? p.size() : p.asInt(0);
        String unavailable = ocr.path("unavailable").isTextual() ? ocr.path("unavailable").asText() : null;
        boolean first = why == null && unavailable != null;
        return new OcrTally(mode, files + (read > 0 ? 1 : 0), pages + read, unread + (unavailable != null ? 1 : 0),
                first ? unavailable : why, first ? file : whyFile,
                whyVaries || (why != null && unavailable != null && !sameBut(why, unavailable)));
    }

    /** Whether two reasons say the same but for their counts ("8 of 8 pages are images", "1 of 1 page is an image"). */
    private static boolean sameBut(String a, String b) {
        return gist(a).equals(gist(b));
    }

    private static String gist(String why) {
        return why.replaceAll("\\d+", "#").replaceAll("\\b(is|are|an|a)\\b ", "").replaceAll("([a-z])s\\b", "$1");
    }

    /** ", 3 files read by OCR (41 pages)" for the run's summary line; "" when no page was. */
    String clause() {
        return files == 0 ? "" : ", " + RunSummary.count(files, "file") + " read by OCR (" + RunSummary.count(pages, "page") + ")";
    }

    /** The line saying which files were left unread for want of OCR and what to do, or null when none was. */
    String unreadLine() {
        if (unread == 0) {
            return null;
        }
        String which = unread == 1 ? "" : whyVaries ? " (and others for other reasons: see source.ocr.unavailable in records.jsonl)"
                : " (the others alike)";
        return "extract: " + RunSummary.count(unread, "file") + (unread == 1 ? " has" : " have")
                + " pages that need OCR left unread: " + (whyFile == null ? "" : whyFile + ": ") + why + which
                + (mode == OcrMode.NEVER ? "; --ocr auto reads them" : "");
    }

    ObjectNode json() {
        ObjectNode n = JsonRecords.MAPPER.createObjectNode();
        n.put("mode", mode.cliName());
        n.put("files", files);
        n.put("pages", pages);
        n.put("unread", unread);
        if (why != null) {
            n.put("unread_why", why);
        }
        return n;
    }

    /**
     * A record's {@code source.ocr} from its line of records.jsonl, or null. Only the start of the line is parsed:
     * source comes first.
     */
    public static JsonNode reading(String recordJson) {
        if (recordJson == null) {
            return null;
        }
        try (JsonParser p = JsonRecords.MAPPER.createParser(recordJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                if (name.equals("source")) {
                    JsonNode source = p.readValueAsTree();
                    return source == null || source.path("ocr").isMissingNode() || source.path("ocr").isNull() ? null : source.get("ocr");
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
