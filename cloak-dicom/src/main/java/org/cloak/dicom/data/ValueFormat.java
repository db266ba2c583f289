package org.cloak.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/** Turns encoded values into strings: text split into values, binary numbers formatted. */
public final class ValueFormat {
    private ValueFormat() {}

    /** The values of an element as strings; empty for OB/OW/UN-like bulk VRs. */
    public static String[] strings(Vr vr, byte[] data, boolean bigEndian, DataSet context) {
        if (data.length == 0) {
            return new String[0];
        }
        if (vr.isText()) {
            String s = DataSet.trimPadding(context.decodeText(vr, data), vr);
            if (!vr.isMultiValuedText()) {
                return new String[] {s};
            }
            String[] parts = s.split("\\\\", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = vr == Vr.UI ? parts[i].trim().replace("\0", "") : parts[i].trim();
            }
            return parts;
        }
        return numbers(vr, data, bigEndian);
    }

    /** Binary numeric values formatted as decimal (AT as (gggg,eeee)); empty for non-numeric VRs. */
    public static String[] numbers(Vr vr, byte[] data, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.wrap(data).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int unit = switch (vr) {
            case US, SS -> 2;
            case UL, SL, FL, AT -> 4;
            case FD, SV, UV -> 8;
            default -> 0;
        };
        if (unit == 0) {
            return new String[0];
        }
        String[] out = new String[data.length / unit];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (vr) {
                case US -> Integer.toString(b.getShort() & 0xFFFF);
                case SS -> Short.toString(b.getShort());
                case UL -> Integer.toUnsignedString(b.getInt());
                case SL -> Integer.toString(b.getInt());
                case FL -> Float.toString(b.getFloat());
                case FD -> Double.toString(b.getDouble());
                case SV -> Long.toString(b.getLong());
                case UV -> Long.toUnsignedString(b.getLong());
                case AT -> Tags.toString(((b.getShort() & 0xFFFF) << 16) | (b.getShort() & 0xFFFF));
                default -> "";
            };
        }
        return out;
    }
}
