package org.cloak.dicom.charset;

import java.nio.charset.Charset;

/**
 * One Defined Term of Specific Character Set (0008,0005), as read from {@code character_sets.tsv}
 * (PS3.3 Tables C.12-2 to C.12-5). Immutable.
 */
public final class CharsetTerm {
    private final String definedTerm;
    private final String description;
    private final boolean codeExtension;
    private final boolean multiByte;
    private final String g0Registration;
    private final byte[] g0Escape;
    private final String g1Registration;
    private final byte[] g1Escape;
    private final Charset charset;

    CharsetTerm(String definedTerm, String description, boolean codeExtension, boolean multiByte,
                String g0Registration, byte[] g0Escape, String g1Registration, byte[] g1Escape,
                Charset charset) {
        this.definedTerm = definedTerm;
        this.description = description;
        this.codeExtension = codeExtension;
        this.multiByte = multiByte;
        this.g0Registration = g0Registration;
        this.g0Escape = g0Escape.clone();
        this.g1Registration = g1Registration;
        this.g1Escape = g1Escape.clone();
        this.charset = charset;
    }

    /** The Defined Term; empty for the default repertoire (the table's "none": value absent or empty). */
    public String definedTerm() { return definedTerm; }

    public String description() { return description; }

    /** True for the ISO 2022 terms (Tables C.12-3 and C.12-4). */
    public boolean codeExtension() { return codeExtension; }

    public boolean multiByte() { return multiByte; }

    /** ISO-IR registration of the G0 code element ("ISO-IR 6"), empty when the term has none. */
    public String g0Registration() { return g0Registration; }

    /** Escape sequence designating the G0 element (e.g. 1B 28 42); empty when not used. */
    public byte[] g0Escape() { return g0Escape.clone(); }

    /** ISO-IR registration of the G1 code element ("ISO-IR 100"), empty when the term has none. */
    public String g1Registration() { return g1Registration; }

    /** Escape sequence designating the G1 element (e.g. 1B 2D 41); empty when not used. */
    public byte[] g1Escape() { return g1Escape.clone(); }

    /** The Java charset that decodes the bytes of this term's code elements. */
    public Charset charset() { return charset; }

    @Override
    public String toString() {
        return definedTerm.isEmpty() ? "(default repertoire)" : definedTerm;
    }
}
