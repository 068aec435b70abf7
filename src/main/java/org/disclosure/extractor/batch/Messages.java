package org.disclosure.extractor.batch;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.disclosure.extractor.output.JsonRecords;
import org.disclosure.extractor.output.RecordWriters;

/**
 * What the run and its worker processes say to each other. A job is one JSON line. A reply is one JSON
 * line (its header) followed, for a record, by the record's output text as is — its records.jsonl line and
 * its CSV rows, of the lengths the header gives — so the run appends it without parsing it again.
 */
final class Messages {

    private Messages() {
    }

    /** To a worker: read this file, whose content hashes to {@code sha256} (null: the worker hashes it). */
    record Job(long id, String file, String label, String sha256) {

        Job withSha256(String sha) {
            return new Job(id, file, label, sha);
        }
    }

    /**
     * The header of a reply.
     *
     * @param ready   true only on the line a worker writes once it is ready for jobs
     * @param sizes   for a record, the length (in chars) of the text that follows: its line of records.jsonl;
     *                null for an error
     */
    record Header(boolean ready, long id, String file, String sha256, String reason, String message, List<Integer> sizes) {
    }

    /** From a worker: what became of a job — a record (or a parse summary), or an error. */
    record Reply(boolean ready, long id, RecordWriters.Rendered record, String file, String sha256, String reason,
                 String message) {

        static Reply readyLine() {
            return new Reply(true, -1, null, null, null, null, null);
        }

        static Reply of(long id, RecordWriters.Rendered record) {
            return new Reply(false, id, record, record.file(), record.sha256(), record.reason(), null);
        }

        static Reply error(long id, String file, String sha256, String reason, String message) {
            return new Reply(false, id, null, file, sha256, reason, message);
        }

        boolean failed() {
            return record == null;
        }
    }

    static void write(Writer out, Reply r) throws IOException {
        RecordWriters.Rendered x = r.record();
        List<Integer> sizes = x == null ? null : List.of(x.json().length());
        out.write(JsonRecords.MAPPER.writeValueAsString(new Header(r.ready(), r.id(), r.file(), r.sha256(), r.reason(),
                r.message(), sizes)));
        out.write('\n');
        if (x != null) {
            out.write(x.json());
        }
        out.flush();
    }

    /** The next reply, or null at the end of the stream; a line that is no header (stray output) is skipped. */
    static Reply read(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            Header h;
            try {
                h = JsonRecords.MAPPER.readValue(line, Header.class);
            } catch (IOException e) {
                continue;
            }
            if (h.sizes() == null) {
                return new Reply(h.ready(), h.id(), null, h.file(), h.sha256(), h.reason(), h.message());
            }
            return Reply.of(h.id(), new RecordWriters.Rendered(h.file(), h.sha256(), h.reason(), chars(in, h.sizes().get(0))));
        }
    }

    private static String chars(BufferedReader in, int n) throws IOException {
        char[] buf = new char[n];
        int done = 0;
        while (done < n) {
            int k = in.read(buf, done, n - done);
            if (k < 0) {
                throw new EOFException("reply cut short");
            }
            done += k;
        }
        return new String(buf);
    }
}
