package org.cloak.dicom.io;

/**
 * How the reader treats a file.
 *
 * @param bulkThreshold values of bulk VRs (OB, OW, OF, UN, UT...) longer than this stay in the
 *     file as {@code BulkRef}s instead of being read into memory (file sources only)
 * @param maxDepth deepest sequence nesting accepted; deeper input is refused, so a hostile file
 *     cannot exhaust the stack
 * @param maxValueLength largest value read into memory; longer non-bulk values are refused
 * @param maxInflatedSize largest inflated data set accepted from a deflated transfer syntax
 */
public record ReadOptions(int bulkThreshold, int maxDepth, int maxValueLength, long maxInflatedSize) {
    public static final ReadOptions DEFAULT = new ReadOptions(4096, 64, 64 << 20, 1L << 30);

    public ReadOptions withBulkThreshold(int t) { return new ReadOptions(t, maxDepth, maxValueLength, maxInflatedSize); }

    public ReadOptions withMaxDepth(int d) { return new ReadOptions(bulkThreshold, d, maxValueLength, maxInflatedSize); }
}
