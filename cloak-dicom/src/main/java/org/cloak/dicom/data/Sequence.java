package org.cloak.dicom.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The items of a sequence attribute. Remembers how its length was encoded so that a file read
 * and written unchanged keeps its form.
 */
public final class Sequence implements Value, Iterable<DataSet> {
    private final List<DataSet> items = new ArrayList<>();
    private boolean undefinedLength;
    private boolean implicitLittleEndian;

    public Sequence() {
        this(true);
    }

    public Sequence(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    public List<DataSet> items() { return items; }

    public DataSet get(int i) { return items.get(i); }

    public int size() { return items.size(); }

    public boolean isEmpty() { return items.isEmpty(); }

    public void add(DataSet item) { items.add(item); }

    public boolean isUndefinedLength() { return undefinedLength; }

    public void setUndefinedLength(boolean undefined) { this.undefinedLength = undefined; }

    /**
     * True for a sequence read from a UN element of undefined length (PS3.5 6.2.2): its items are
     * encoded in Implicit VR Little Endian whatever the transfer syntax, and it is written back
     * the same way.
     */
    public boolean isImplicitLittleEndian() { return implicitLittleEndian; }

    public void setImplicitLittleEndian(boolean implicit) { this.implicitLittleEndian = implicit; }

    @Override
    public long length() { return -1; }

    @Override
    public Iterator<DataSet> iterator() { return items.iterator(); }
}
