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
 * @param wholeFileLimit files of at most this many bytes are read with one read and parsed from
 *     memory; their bulk references then hold the file's bytes (at most this many per file read),
 *     so writing them never opens the file again. Larger files are read through a window and
 *     their bulk values copied file to file. 0 reads every file through the window.
 * @param skipFrom top-level elements whose tag is at or beyond this one (unsigned order) are left
 *     out of the data set, and their values are skipped, not read: only their headers are, so
 *     the file's structure is still checked to its end and a file that a full read refuses is
 *     refused too. For callers that need only the first groups (a header of a few KiB is then
 *     all that is read of most files). {@link #KEEP_ALL} keeps everything.
 */
public record ReadOptions(int bulkThreshold, int maxDepth, int maxValueLength, long maxInflatedSize,
                          int wholeFileLimit, int skipFrom) {
    /** No {@link #skipFrom} tag: the whole data set is read. */
    public static final int KEEP_ALL = -1;

    /**
     * 64 KiB whole-file limit, where the two ways cost about the same: reading a file whole
     * saves the second open (open, fstat, close) and sendfile that copying its bulk values file
     * to file takes, but passes the bulk values through the heap (read, then write). Measured
     * (read and rewrite, C1-only JVM, tmpfs): about 40% less CPU whole at 8 KiB, even from 32 to
     * 64 KiB, 15 to 30% more from 96 KiB on.
     */
    public static final ReadOptions DEFAULT = new ReadOptions(4096, 64, 64 << 20, 1L << 30, 64 << 10, KEEP_ALL);

    public ReadOptions withBulkThreshold(int t) {
        return new ReadOptions(t, maxDepth, maxValueLength, maxInflatedSize, wholeFileLimit, skipFrom);
    }

    public ReadOptions withMaxDepth(int d) {
        return new ReadOptions(bulkThreshold, d, maxValueLength, maxInflatedSize, wholeFileLimit, skipFrom);
    }

    public ReadOptions withMaxInflatedSize(long bytes) {
        return new ReadOptions(bulkThreshold, maxDepth, maxValueLength, bytes, wholeFileLimit, skipFrom);
    }

    public ReadOptions withWholeFileLimit(int bytes) {
        return new ReadOptions(bulkThreshold, maxDepth, maxValueLength, maxInflatedSize, bytes, skipFrom);
    }

    public ReadOptions withSkipFrom(int tag) {
        return new ReadOptions(bulkThreshold, maxDepth, maxValueLength, maxInflatedSize, wholeFileLimit, tag);
    }

    /** Whether a top-level element with this tag is skipped. */
    boolean skips(int tag) {
        return skipFrom != KEEP_ALL && Integer.compareUnsigned(tag, skipFrom) >= 0;
    }
}
