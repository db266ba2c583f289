package org.cloak.deid.verify;

import java.util.HexFormat;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.Vr;

/** An attribute's value as one line of text for diffs and reports. */
public final class ValueText {
    private static final int MAX_HEX_BYTES = 16;

    private ValueText() {}

    /** Text decoded with the character set in force, padding removed; numbers formatted; binary summarised. */
    public static String of(DataSet owner, Element e) {
        Value v = e.value();
        if (v instanceof Sequence s) {
            return "(sequence, " + s.size() + (s.size() == 1 ? " item)" : " items)");
        }
        if (v instanceof Fragments f) {
            return "(encapsulated, " + (f.items().size() - 1) + " fragments, " + f.payloadLength() + " bytes)";
        }
        if (v instanceof BulkRef r) {
            return "(" + r.length() + " bytes)";
        }
        byte[] data = ((Bytes) v).data();
        if (e.vr().isText()) {
            return text(owner, e.vr(), data);
        }
        String[] nums = ValueFormat.numbers(e.vr(), data, owner.isBigEndian());
        if (nums.length > 0) {
            return String.join("\\", nums);
        }
        int n = Math.min(data.length, MAX_HEX_BYTES);
        String hex = HexFormat.of().formatHex(data, 0, n);
        return "(" + data.length + " bytes) " + hex + (data.length > n ? "..." : "");
    }

    static String text(DataSet owner, Vr vr, byte[] data) {
        String s = owner.decodeText(vr, data);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != Vr.ST && vr != Vr.LT && vr != Vr.UT) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }
}
