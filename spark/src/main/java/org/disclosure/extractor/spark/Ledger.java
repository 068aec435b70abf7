package org.disclosure.extractor.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * files/: the job's own account of every file it was given, one row per file and run, written chunk by chunk as
 * the files are read (run=&lt;run&gt;-&lt;chunk&gt;/). The tables are built from it, and a resumed job skips the
 * files it holds unchanged. {@code record} is the file's line of records.jsonl exactly as the CLI writes it.
 */
final class Ledger {

    static final String FOLDER = "files";

    static final String RECORD = "record";
    static final String ERROR = "error";
    /** Read by an earlier run with the same sha256: not read again. */
    static final String SKIPPED = "skipped";

    static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType)
            .add("uri", DataTypes.StringType)
            .add("sha256", DataTypes.StringType)
            .add("size", DataTypes.LongType)
            .add("status", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("record", DataTypes.StringType)
            .add("seconds", DataTypes.DoubleType)
            .add("attempt", DataTypes.IntegerType);

    private Ledger() {
    }

    static Row record(InputFile f, String sha256, String reason, String json, double seconds, int attempt) {
        return RowFactory.create(f.label(), f.uri(), sha256, f.size(), RECORD, reason, null, json, seconds, attempt);
    }

    static Row error(InputFile f, String sha256, String reason, String message, double seconds, int attempt) {
        return RowFactory.create(f.label(), f.uri(), sha256, f.size(), ERROR, reason, message, null, seconds, attempt);
    }

    static Row skipped(InputFile f, String sha256, int attempt) {
        return RowFactory.create(f.label(), f.uri(), sha256, f.size(), SKIPPED, null, null, null, 0.0, attempt);
    }

    static Row rejected(InputListing.Rejected r) {
        return RowFactory.create(r.label(), null, null, null, ERROR, r.reason(), r.message(), null, 0.0, 0);
    }
}
