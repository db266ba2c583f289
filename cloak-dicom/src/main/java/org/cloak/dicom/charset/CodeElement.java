package org.cloak.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One ISO 2022 graphic character set as designated to G0 or G1 (e.g. ISO-IR 87 as G0, ISO-IR 149
 * as G1). Single-byte elements map one byte, double-byte ones a pair of bytes 0x21-0x7E (G0) or
 * 0xA1-0xFE (G1). The byte/char tables are derived once from the Java charset, so decoding and
 * encoding need no CharsetDecoder per call and encode is exactly the inverse of decode.
 */
final class CodeElement {
    static final char UNMAPPED = '\uFFFD';
    private static final int ROW = 94;

    private final String registration;
    private final boolean g1;
    private final boolean twoByte;
    private final byte[] escape;
    private final Charset charset;
    private volatile Tables tables;

    CodeElement(String registration, boolean g1, boolean twoByte, byte[] escape, Charset charset) {
        this.registration = registration;
        this.g1 = g1;
        this.twoByte = twoByte;
        this.escape = escape.clone();
        this.charset = charset;
    }

    String registration() { return registration; }

    boolean isG1() { return g1; }

    boolean isTwoByte() { return twoByte; }

    /** The designation sequence; callers must not modify it. */
    byte[] escape() { return escape; }

    /** Lowest byte of a double-byte character in this element's code area. */
    int pairBase() { return g1 ? 0xA1 : 0x21; }

    /** Decodes one byte (0x00-0x7F for G0, 0x80-0xFF for G1) of a single-byte element. */
    char decode(int b) { return tables().decode[b & 0x7F]; }

    /** Decodes a pair of bytes, both within {@link #pairBase()} .. pairBase + 93. */
    char decode(int b1, int b2) {
        int base = pairBase();
        return tables().decode[(b1 - base) * ROW + (b2 - base)];
    }

    /** The bytes of c (1 or 2, big-endian in an int), or -1 when this element lacks c. */
    int encode(char c) {
        Integer code = tables().encode.get(c);
        return code == null ? -1 : code;
    }

    boolean canEncode(char c) { return c != UNMAPPED && tables().encode.containsKey(c); }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            t = build();
            tables = t; // benign race: every thread builds the same immutable tables
        }
        return t;
    }

    private Tables build() {
        CharsetDecoder dec = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] decode = new char[twoByte ? ROW * ROW : 128];
        Arrays.fill(decode, UNMAPPED);
        Map<Character, Integer> encode = new HashMap<>();
        CharBuffer out = CharBuffer.allocate(4);
        if (twoByte) {
            int base = pairBase();
            for (int i = 0; i < ROW; i++) {
                for (int j = 0; j < ROW; j++) {
                    int code = ((base + i) << 8) | (base + j);
                    char c = decodeOne(dec, out, new byte[] {(byte) (base + i), (byte) (base + j)});
                    decode[i * ROW + j] = c;
                    if (c != UNMAPPED) {
                        encode.putIfAbsent(c, code);
                    }
                }
            }
        } else {
            int base = g1 ? 0x80 : 0x00;
            for (int i = 0; i < 128; i++) {
                char c = decodeOne(dec, out, new byte[] {(byte) (base + i)});
                decode[i] = c;
                if (c != UNMAPPED) {
                    encode.putIfAbsent(c, base + i);
                }
            }
        }
        return new Tables(decode, encode);
    }

    /** The single char the bytes decode to, or UNMAPPED (invalid, unmapped or more than one char). */
    private static char decodeOne(CharsetDecoder dec, CharBuffer out, byte[] bytes) {
        dec.reset();
        out.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError() || in.hasRemaining() || dec.flush(out).isError() || out.position() != 1) {
            return UNMAPPED;
        }
        return out.get(0);
    }

    @Override
    public String toString() { return registration + (g1 ? " (G1)" : " (G0)"); }

    private static final class Tables {
        final char[] decode;
        final Map<Character, Integer> encode;

        Tables(char[] decode, Map<Character, Integer> encode) {
            this.decode = decode;
            this.encode = Map.copyOf(encode);
        }
    }
}
