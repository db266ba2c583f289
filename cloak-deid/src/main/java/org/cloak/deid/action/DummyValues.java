package org.cloak.deid.action;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.ElementEntry;
import org.cloak.dicom.dict.Vr;

/** Dummy values valid for each VR (PS3.5 6.2), repeated to the attribute's minimum VM. */
public final class DummyValues {
    private DummyValues() {}

    /** The text dummy for a VR, or null for binary VRs. */
    public static String text(Vr vr) {
        return switch (vr) {
            case AE -> "ANONYMOUS";
            case AS -> "000Y";
            case CS -> "ANONYMIZED";
            case DA -> "19000101";
            case DT -> "19000101000000";
            case TM -> "000000";
            case DS, IS -> "0";
            case UI -> "2.25.0";
            case UR -> "urn:anonymized";
            case LO, LT, PN, SH, ST, UC, UT -> "ANONYMIZED";
            default -> null;
        };
    }

    static Element replace(Element e, ActionContext ctx) {
        String t = text(e.vr());
        if (t != null) {
            return ctx.withText(e, e.vr().isMultiValuedText() ? repeated(t, minVm(e.tag())) : t);
        }
        int vm = minVm(e.tag());
        int unit = Math.max(1, e.vr().unitSize());
        int n = e.vr() == Vr.OB || e.vr() == Vr.UN ? 2 : unit * Math.max(1, vm);
        if (e.vr() == Vr.AT) {
            ByteBuffer b = ByteBuffer.allocate(4 * Math.max(1, vm)).order(ByteOrder.LITTLE_ENDIAN);
            return new Element(e.tag(), e.vr(), new Bytes(b.array()));
        }
        return new Element(e.tag(), e.vr(), new Bytes(new byte[n]));
    }

    /** {@code vm} copies of a value, backslash-separated. */
    private static String repeated(String value, int vm) {
        if (vm == 1) {
            return value;
        }
        String[] values = new String[vm];
        Arrays.fill(values, value);
        return String.join("\\", values);
    }

    /** Whether a user's text value can be written into an attribute of this VR. */
    static boolean fits(Vr vr, String value) {
        if (!vr.isText()) {
            return false;
        }
        return switch (vr) {
            case DA -> value.matches("\\d{8}");
            case TM -> value.matches("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
            case DT -> value.matches("\\d{4,14}(\\.\\d{1,6})?([+-]\\d{4})?");
            case DS -> value.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
            case IS -> value.matches("[+-]?\\d{1,12}");
            case AS -> value.matches("\\d{3}[DWMY]");
            case UI -> value.matches("[0-9.]{1,64}");
            default -> true;
        };
    }

    private static int minVm(int tag) {
        ElementEntry entry = ElementDictionary.standard().lookup(tag);
        if (entry == null || entry.vm() == null || entry.vm().isEmpty()) {
            return 1;
        }
        String vm = entry.vm().trim();
        int i = 0;
        while (i < vm.length() && Character.isDigit(vm.charAt(i))) {
            i++;
        }
        return i == 0 ? 1 : Math.max(1, Integer.parseInt(vm.substring(0, i)));
    }
}
