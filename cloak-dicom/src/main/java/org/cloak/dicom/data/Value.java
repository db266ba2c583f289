package org.cloak.dicom.data;

/**
 * The value of an attribute: bytes held in memory, a reference to bulk data left in the
 * source file, a sequence of items, or encapsulated pixel data fragments.
 */
public sealed interface Value permits Bytes, BulkRef, Sequence, Fragments {

    /** Encoded length of the value in bytes, before even-length padding; -1 when undefined. */
    long length();
}
