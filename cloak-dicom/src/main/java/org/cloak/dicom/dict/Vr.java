package org.cloak.dicom.dict;

/**
 * Value Representations of PS3.5 Table 6.2-1, with what the codec needs to know of each:
 * the explicit-VR header form, the padding byte, the unit size for byte swapping, and
 * whether text values go through the Specific Character Set.
 */
public enum Vr {
    AE(Kind.TEXT, false, ' ', 0, false, true),
    AS(Kind.TEXT, false, ' ', 0, false, true),
    AT(Kind.BINARY, false, 0, 2, false, false),
    CS(Kind.TEXT, false, ' ', 0, false, true),
    DA(Kind.TEXT, false, ' ', 0, false, true),
    DS(Kind.TEXT, false, ' ', 0, false, true),
    DT(Kind.TEXT, false, ' ', 0, false, true),
    FD(Kind.BINARY, false, 0, 8, false, false),
    FL(Kind.BINARY, false, 0, 4, false, false),
    IS(Kind.TEXT, false, ' ', 0, false, true),
    LO(Kind.TEXT, false, ' ', 0, true, true),
    LT(Kind.TEXT, false, ' ', 0, true, false),
    OB(Kind.BINARY, true, 0, 1, false, false),
    OD(Kind.BINARY, true, 0, 8, false, false),
    OF(Kind.BINARY, true, 0, 4, false, false),
    OL(Kind.BINARY, true, 0, 4, false, false),
    OV(Kind.BINARY, true, 0, 8, false, false),
    OW(Kind.BINARY, true, 0, 2, false, false),
    PN(Kind.TEXT, false, ' ', 0, true, true),
    SH(Kind.TEXT, false, ' ', 0, true, true),
    SL(Kind.BINARY, false, 0, 4, false, false),
    SQ(Kind.SEQUENCE, true, 0, 0, false, false),
    SS(Kind.BINARY, false, 0, 2, false, false),
    ST(Kind.TEXT, false, ' ', 0, true, false),
    SV(Kind.BINARY, true, 0, 8, false, false),
    TM(Kind.TEXT, false, ' ', 0, false, true),
    UC(Kind.TEXT, true, ' ', 0, true, true),
    UI(Kind.TEXT, false, 0, 0, false, true),
    UL(Kind.BINARY, false, 0, 4, false, false),
    UN(Kind.BINARY, true, 0, 1, false, false),
    UR(Kind.TEXT, true, ' ', 0, false, false),
    US(Kind.BINARY, false, 0, 2, false, false),
    UT(Kind.TEXT, true, ' ', 0, true, false),
    UV(Kind.BINARY, true, 0, 8, false, false);

    /** Broad family of a VR. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private final Kind kind;
    private final boolean longLength;
    private final int padding;
    private final int unitSize;
    private final boolean specificCharset;
    private final boolean multiValued;
    private final int code;

    Vr(Kind kind, boolean longLength, int padding, int unitSize, boolean specificCharset, boolean multiValued) {
        this.kind = kind;
        this.longLength = longLength;
        this.padding = padding;
        this.unitSize = unitSize;
        this.specificCharset = specificCharset;
        this.multiValued = multiValued;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() { return kind; }

    public boolean isText() { return kind == Kind.TEXT; }

    public boolean isSequence() { return kind == Kind.SEQUENCE; }

    /** True when explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
    public boolean hasLongLength() { return longLength; }

    /** The byte appended to make an odd-length value even. */
    public int paddingByte() { return padding; }

    /** Size in bytes of one numeric unit, for byte swapping; 1 or 0 means no swapping. */
    public int unitSize() { return unitSize; }

    /** True for the VRs whose values are encoded with (0008,0005) Specific Character Set. */
    public boolean usesSpecificCharset() { return specificCharset; }

    /** True when a backslash separates multiple values (not for ST, LT, UT, UR). */
    public boolean isMultiValuedText() { return kind == Kind.TEXT && multiValued; }

    /** True for the binary VRs whose large values stay in the file as bulk references when streaming. */
    public boolean isBulkCandidate() {
        return this == OB || this == OW || this == OF || this == OD || this == OL || this == OV
                || this == UN || this == SV || this == UV;
    }

    /** The VR for a two-byte code as found in an explicit VR header, or null when it is not a VR. */
    public static Vr fromCode(int code) {
        int c1 = (code >>> 8) & 0xFF;
        int c2 = code & 0xFF;
        if (c1 < 'A' || c1 > 'Z' || c2 < 'A' || c2 > 'Z') {
            return null;
        }
        return CODES[(c1 - 'A') * 26 + (c2 - 'A')];
    }

    /** The VR named by two letters, or null. */
    public static Vr fromString(String s) {
        if (s == null || s.length() != 2) {
            return null;
        }
        return fromCode((s.charAt(0) << 8) | s.charAt(1));
    }

    /** The two-byte code as written in an explicit VR header. */
    public int code() { return code; }

    private static final Vr[] CODES = new Vr[26 * 26];

    static {
        for (Vr vr : values()) {
            CODES[(vr.name().charAt(0) - 'A') * 26 + (vr.name().charAt(1) - 'A')] = vr;
        }
    }
}
