package org.cloak.pixel.jpeg;

/** JPEG marker codes (T.81 Table B.1), the byte after 0xFF. */
final class Markers {
    static final int SOF0 = 0xC0;
    static final int SOF1 = 0xC1;
    static final int SOF3 = 0xC3;
    static final int DHT = 0xC4;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DRI = 0xDD;
    static final int APP0 = 0xE0;
    static final int APP14 = 0xEE;

    private Markers() {}

    /** Start-of-frame markers of the other processes (DHT 0xC4, JPG 0xC8 and DAC 0xCC are not frames). */
    static boolean isUnsupportedFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != SOF3 && marker != DHT && marker != 0xC8 && marker != 0xCC;
    }
}
