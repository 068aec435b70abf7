package org.disclosure.extractor.batch;

import org.disclosure.extractor.output.RecordWriters;

/** What the run and its worker processes say to each other, one JSON object per line. */
final class Messages {

    private Messages() {
    }

    /** To a worker: read this file. */
    record Job(long id, String file, String label) {
    }

    /**
     * From a worker: what became of a job — a record (full stage), a parse summary (parse stage) or an error.
     *
     * @param ready   true only on the line a worker writes once it is ready for jobs
     */
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
}
