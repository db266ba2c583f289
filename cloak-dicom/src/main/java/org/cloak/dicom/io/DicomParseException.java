package org.cloak.dicom.io;

import java.io.IOException;
import org.cloak.dicom.dict.Tags;

/**
 * A file that cannot be read as DICOM. Names the source, the byte offset and, when known, the
 * tag being read. Never carries attribute values, which may be PHI.
 */
public final class DicomParseException extends IOException {
    private final String source;
    private final long offset;
    private final int tag;
    private final String problem;

    public DicomParseException(String source, long offset, int tag, String problem) {
        this(source, offset, tag, problem, null);
    }

    public DicomParseException(String source, long offset, int tag, String problem, Throwable cause) {
        super(format(source, offset, tag, problem), cause);
        this.source = source;
        this.offset = offset;
        this.tag = tag;
        this.problem = problem;
    }

    public String source() { return source; }

    /** Byte offset in the file (in the inflated stream for deflated files), -1 if unknown. */
    public long offset() { return offset; }

    /** The tag being read, or -1. */
    public int tag() { return tag; }

    public String problem() { return problem; }

    /**
     * Where and what, without the source's name: for records kept beside de-identified data,
     * where a file name could carry a patient's name.
     */
    public String withoutSource() {
        String full = format("", offset, tag, problem);
        return full.startsWith(": ") ? full.substring(2) : full;
    }

    private static String format(String source, long offset, int tag, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (offset >= 0) {
            sb.append(": offset ").append(offset);
        }
        if (tag != -1) {
            sb.append(", tag ").append(Tags.toString(tag));
        }
        return sb.append(": ").append(problem).toString();
    }
}
