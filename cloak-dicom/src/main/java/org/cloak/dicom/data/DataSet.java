package org.cloak.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.cloak.dicom.charset.SpecificCharacterSet;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * A data set or sequence item: elements sorted by tag, values kept as encoded and decoded on
 * demand. Items know their parent so that the Specific Character Set is inherited.
 */
public final class DataSet implements Iterable<Element> {
    private final List<Element> elements = new ArrayList<>();
    private final boolean bigEndian;
    private DataSet parent;
    private SpecificCharacterSet charset;
    private boolean undefinedLength = true;

    public DataSet() {
        this(false);
    }

    /** @param bigEndian byte order of binary values in this data set (Explicit VR Big Endian) */
    public DataSet(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    /** Creates an empty item that inherits this data set's byte order and character set. */
    public DataSet newItem() {
        DataSet item = new DataSet(bigEndian);
        item.parent = this;
        return item;
    }

    public boolean isBigEndian() { return bigEndian; }

    public void setParent(DataSet parent) { this.parent = parent; }

    /** For items: whether the item was (and will be) encoded with undefined length. */
    public boolean isUndefinedLength() { return undefinedLength; }

    public void setUndefinedLength(boolean undefined) { this.undefinedLength = undefined; }

    public int size() { return elements.size(); }

    public boolean isEmpty() { return elements.isEmpty(); }

    /** The elements in tag order (read-only view). */
    public List<Element> elements() { return Collections.unmodifiableList(elements); }

    @Override
    public Iterator<Element> iterator() { return elements().iterator(); }

    public Element get(int tag) {
        int i = indexOf(tag);
        return i >= 0 ? elements.get(i) : null;
    }

    public boolean contains(int tag) { return indexOf(tag) >= 0; }

    /** Adds or replaces an element; appending in tag order (as the parser does) is O(1). */
    public void put(Element e) {
        int n = elements.size();
        if (n == 0 || Integer.compareUnsigned(elements.get(n - 1).tag(), e.tag()) < 0) {
            elements.add(e);
        } else {
            int i = indexOf(e.tag());
            if (i >= 0) {
                elements.set(i, e);
            } else {
                elements.add(-i - 1, e);
            }
        }
        if (e.value() instanceof Sequence s) {
            for (DataSet item : s) {
                item.parent = this;
            }
        }
        if (e.tag() == Tag.SpecificCharacterSet) {
            charset = null;
        }
    }

    public void put(int tag, Vr vr, Value value) { put(new Element(tag, vr, value)); }

    public Element remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return elements.remove(i);
    }

    /** Removes every element for which the predicate holds; returns how many went. */
    public int removeIf(java.util.function.Predicate<Element> p) {
        int before = elements.size();
        boolean cs = elements.stream().anyMatch(e -> e.tag() == Tag.SpecificCharacterSet && p.test(e));
        elements.removeIf(p);
        if (cs) {
            charset = null;
        }
        return before - elements.size();
    }

    /** The character set in force: this data set's (0008,0005), else the enclosing one's. */
    public SpecificCharacterSet charset() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            Element e = get(Tag.SpecificCharacterSet);
            if (e != null && e.value() instanceof Bytes b) {
                String raw = new String(b.data(), StandardCharsets.ISO_8859_1);
                String[] terms = raw.split("\\\\", -1);
                for (int i = 0; i < terms.length; i++) {
                    terms[i] = terms[i].trim();
                }
                cs = SpecificCharacterSet.of(terms);
            } else {
                cs = parent != null ? parent.charset() : SpecificCharacterSet.DEFAULT;
            }
            charset = cs;
        }
        return cs;
    }

    /**
     * The whole text value decoded (all values, backslashes kept), trailing padding removed; null if absent or not
     * text.
     */
    public String getText(int tag) {
        Element e = get(tag);
        if (e == null || !e.vr().isText() || !(e.value() instanceof Bytes b)) {
            return null;
        }
        return trimPadding(decodeText(e.vr(), b.data()), e.vr());
    }

    /** The first value as a string, trimmed; null when absent or empty. */
    public String getString(int tag) {
        String[] v = getStrings(tag);
        return v.length == 0 || v[0].isEmpty() ? null : v[0];
    }

    /** All values: text split on backslash and trimmed, binary numbers formatted. */
    public String[] getStrings(int tag) {
        Element e = get(tag);
        if (e == null || !(e.value() instanceof Bytes b)) {
            return new String[0];
        }
        return ValueFormat.strings(e.vr(), b.data(), bigEndian, this);
    }

    /** The first integer value of an IS, US, SS, UL or SL element, or {@code def}. */
    public int getInt(int tag, int def) {
        String s = getString(tag);
        if (s == null) {
            return def;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException ex) {
            return def;
        }
    }

    public Sequence getSequence(int tag) {
        Element e = get(tag);
        return e != null && e.value() instanceof Sequence s ? s : null;
    }

    /** Sets text values, encoded with this data set's character set where the VR uses it. */
    public void setString(int tag, Vr vr, String... values) {
        String joined = String.join("\\", values);
        put(tag, vr, new Bytes(pad(encodeText(vr, joined), vr)));
    }

    /** Sets binary integer values (US, SS, UL, SL, AT) in this data set's byte order. */
    public void setInts(int tag, Vr vr, int... values) {
        int unit = vr == Vr.US || vr == Vr.SS || vr == Vr.OW ? 2 : 4;
        ByteBuffer buf = ByteBuffer.allocate(values.length * unit).order(order());
        for (int v : values) {
            if (unit == 2) {
                buf.putShort((short) v);
            } else {
                buf.putInt(v);
            }
        }
        put(tag, vr, new Bytes(buf.array()));
    }

    public ByteOrder order() { return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; }

    /** The private creator string reserving the block of a private element, or null. */
    public String privateCreatorOf(int tag) {
        int ct = Tags.creatorTagOf(tag);
        if (ct < 0) {
            return null;
        }
        Element c = get(ct);
        if (c != null && c.vr() == Vr.UN && c.value() instanceof Bytes b) {
            // a creator that reached us as UN (a file made explicit by a tool that did not know it) is still LO text
            String[] v = ValueFormat.strings(Vr.LO, b.data(), bigEndian, this);
            return v.length == 0 || v[0].isEmpty() ? null : v[0];
        }
        return getString(ct);
    }

    /** Decodes text bytes of the given VR with the character set in force. */
    public String decodeText(Vr vr, byte[] data) {
        if (vr.usesSpecificCharset()) {
            return charset().decode(data, 0, data.length, vr == Vr.PN);
        }
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    public byte[] encodeText(Vr vr, String s) {
        if (vr.usesSpecificCharset()) {
            return charset().encode(s, vr == Vr.PN);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Appends the VR's padding byte to make an odd-length value even. */
    public static byte[] pad(byte[] b, Vr vr) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
        p[b.length] = (byte) vr.paddingByte();
        return p;
    }

    static String trimPadding(String s, Vr vr) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private int indexOf(int tag) {
        int lo = 0;
        int hi = elements.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(elements.get(mid).tag(), tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Keyword of a tag for messages and listings ("" when private or unknown). */
    public static String keywordOf(int tag) {
        return ElementDictionary.standard().keywordOf(tag);
    }
}
