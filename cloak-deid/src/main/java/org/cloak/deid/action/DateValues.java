package org.cloak.deid.action;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Vr;

/**
 * Rewrites the date part of DA and DT values (each of several values, both ends of a range)
 * and the time part of DT/TM. A value that does not parse is emptied rather than kept, since
 * it cannot be shown to be harmless.
 */
final class DateValues {
    static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private DateValues() {}

    /**
     * @param dates maps an original date to the new one
     * @param zeroTime whether times (TM, time part of DT) become midnight
     */
    static Element rewrite(Element e, ActionContext ctx, UnaryOperator<LocalDate> dates, boolean zeroTime) {
        if (e.vr() != Vr.DA && e.vr() != Vr.DT && e.vr() != Vr.TM) {
            return e;
        }
        String text = ctx.text(e);
        if (text == null || text.isBlank()) {
            return e;
        }
        String[] values = text.split("\\\\", -1);
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = rewriteValue(e.vr(), values[i].trim(), dates, zeroTime);
            }
        } catch (DateTimeParseException | IndexOutOfBoundsException | NumberFormatException ex) {
            return new Element(e.tag(), e.vr(), Bytes.EMPTY);
        }
        return ctx.withText(e, String.join("\\", values));
    }

    private static String rewriteValue(Vr vr, String v, UnaryOperator<LocalDate> dates, boolean zeroTime) {
        if (v.isEmpty()) {
            return v;
        }
        if (v.contains("-") && vr != Vr.DT) {
            String[] ends = v.split("-", -1);
            return rewriteValue(vr, ends[0], dates, zeroTime) + "-" + rewriteValue(vr, ends[1], dates, zeroTime);
        }
        return switch (vr) {
            case DA -> DA.format(dates.apply(LocalDate.parse(v.substring(0, 8), DA)));
            case TM -> zeroTime ? "000000" : v;
            default -> dateTime(v, dates, zeroTime);
        };
    }

    private static String dateTime(String v, UnaryOperator<LocalDate> dates, boolean zeroTime) {
        int tz = Math.max(v.indexOf('+', 4), v.indexOf('-', 4));
        String zone = tz >= 0 ? v.substring(tz) : "";
        String body = tz >= 0 ? v.substring(0, tz) : v;
        String datePart = body.length() >= 8 ? body.substring(0, 8) : padDate(body);
        String rest = body.length() > 8 ? body.substring(8) : "";
        String newDate = DA.format(dates.apply(LocalDate.parse(datePart, DA)));
        if (zeroTime) {
            rest = rest.isEmpty() ? "" : "000000";
        }
        return newDate + rest + zone;
    }

    /** DT may hold only a year or year and month; missing parts are taken as the first. */
    private static String padDate(String partial) {
        return partial.length() == 4 ? partial + "0101" : partial + "01";
    }
}
