package org.cloak.dicom.data;

import java.util.Arrays;

/** A value held in memory exactly as encoded (in the data set's byte order, padding included). */
public record Bytes(byte[] data) implements Value {
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    @Override
    public long length() { return data.length; }

    @Override
    public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(data, b.data); }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return "Bytes[" + data.length + "]"; }
}
