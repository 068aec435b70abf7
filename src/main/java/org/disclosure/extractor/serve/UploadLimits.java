package org.disclosure.extractor.serve;

/**
 * What one batch of the web page may hold.
 *
 * @param maxFileBytes  bytes of one file (as extract's --max-size)
 * @param maxFiles      files in one batch, zips' entries counted
 * @param maxBatchBytes bytes of all a batch's files, zips unpacked
 */
public record UploadLimits(long maxFileBytes, int maxFiles, long maxBatchBytes) {
}
