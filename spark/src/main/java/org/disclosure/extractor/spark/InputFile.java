package org.disclosure.extractor.spark;

import java.io.Serializable;

/**
 * One file for the job to read, as the driver lists it.
 *
 * @param uri       where it is: a fully qualified Hadoop path (file:/…, hdfs://…, s3a://…)
 * @param label     the name records give it: a local file's absolute path, as the CLI writes it; otherwise its URI
 * @param size      its length in bytes
 * @param doneSha256 the sha256 an earlier run of this output read it with (to skip it when unchanged), or null
 */
public record InputFile(String uri, String label, long size, String doneSha256) implements Serializable {
}
