package org.cloak.deid.verify;

import java.util.Arrays;
import java.util.List;
import org.cloak.deid.verify.AttributePath.Located;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.data.ValueFormat;
import org.cloak.dicom.dict.Vr;

/**
 * Whether two non-sequence attributes hold the same value: text compared as decoded (so a value
 * re-encoded in another character set, or padded differently, is the same value), binary values
 * byte for byte (streamed), encapsulated pixel data fragment by fragment.
 */
final class ValueEquality {
    private ValueEquality() {}

    static boolean same(Located a, Located b) {
        Element x = a.element();
        Element y = b.element();
        if (x.vr() != y.vr()) {
            return false;
        }
        Value vx = x.value();
        Value vy = y.value();
        if (vx instanceof Sequence || vy instanceof Sequence) {
            return false; // sequences are compared item by item by the diff
        }
        if (vx instanceof Fragments || vy instanceof Fragments) {
            return vx instanceof Fragments fa && vy instanceof Fragments fb && sameFragments(fa.items(), fb.items());
        }
        if (x.vr().isText() && vx instanceof Bytes bx && vy instanceof Bytes by) {
            return ValueText.text(a.owner(), x.vr(), bx.data()).equals(ValueText.text(b.owner(), y.vr(), by.data()));
        }
        if (a.owner().isBigEndian() != b.owner().isBigEndian() && x.vr().unitSize() > 1
                && vx instanceof Bytes bx && vy instanceof Bytes by) {
            return Arrays.equals(ValueFormat.numbers(x.vr(), bx.data(), a.owner().isBigEndian()),
                    ValueFormat.numbers(y.vr(), by.data(), b.owner().isBigEndian()));
        }
        return ValueBytes.same(vx, vy, x.vr().paddingByte());
    }

    private static boolean sameFragments(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!ValueBytes.same(a.get(i), b.get(i), Vr.OB.paddingByte())) {
                return false;
            }
        }
        return true;
    }
}
