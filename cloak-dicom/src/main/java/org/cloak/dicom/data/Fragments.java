package org.cloak.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by the fragments,
 * each {@link Bytes} or {@link BulkRef}. Passed through byte for byte.
 */
public final class Fragments implements Value {
    private final List<Value> items;

    public Fragments(List<Value> items) {
        for (Value v : items) {
            if (!(v instanceof Bytes) && !(v instanceof BulkRef)) {
                throw new IllegalArgumentException("a fragment is bytes or a bulk reference");
            }
        }
        this.items = new ArrayList<>(items);
    }

    /** The items in order; the first is the Basic Offset Table (possibly empty). */
    public List<Value> items() { return items; }

    /** Total encoded payload of the items (without item headers). */
    public long payloadLength() {
        long n = 0;
        for (Value v : items) {
            n += v.length() + (v.length() & 1);
        }
        return n;
    }

    @Override
    public long length() { return -1; }
}
