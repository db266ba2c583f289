package org.cloak.deid.script.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.dicom.dict.Vr;

/**
 * deid's value algorithms where they are deterministic, computed as its sources compute them:
 * deid/dicom/actions/jitter.py (jitter_timestamp), deid/dicom/actions/uids.py (pydicom_uuid over
 * pydicom's generate_uid, dicom_uuid, suffix_uuid) and pydicom/uid.py (generate_uid).
 */
final class DeidFunctions {
    /** pydicom's RE_VALID_UID_PREFIX. */
    static final Pattern UID_PREFIX = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*\\.$");
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DT = Pattern.compile("(\\d{8})(?:(\\d{6})(?:\\.(\\d{1,6}))?)?([+-]\\d{4})?");

    private DeidFunctions() {}

    /**
     * pydicom's generate_uid(prefix, entropy_srcs): the SHA-512 of the joined sources' UTF-8 bytes
     * as a decimal number after the prefix, cut to 64 characters.
     */
    static String generateUid(String prefix, String entropy) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-512").digest(entropy.getBytes(StandardCharsets.UTF_8));
            String uid = prefix + new BigInteger(1, h);
            return uid.length() > 64 ? uid.substring(0, 64) : uid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /**
     * Python's {@code str()} of a pydicom value as deid's pydicom_uuid reads it
     * ({@code str(field.element.value)}): the value itself, or for several values the list form
     * {@code ['a', 'b']}.
     */
    static String pythonText(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder("[");
        String[] values = text.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            String q = values[i].indexOf('\'') >= 0 && values[i].indexOf('"') < 0 ? "\"" : "'";
            sb.append(i == 0 ? "" : ", ").append(q).append(values[i].strip()).append(q);
        }
        return sb.append(']').toString();
    }

    /**
     * jitter_timestamp: a DA value moved by {@code days} (YYYYMMDD); a DT value moved by
     * {@code days}, time kept, written as deid writes it (%Y%m%d%H%M%S.%f, with the offset %z where
     * the value has one). Other VRs: an eight-digit date is moved like a DA; anything else, and a
     * value that is no date, stays as it is. Several values are moved one by one.
     */
    static String jitter(String text, Vr vr, int days) {
        if (text == null) {
            return null;
        }
        String[] values = text.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            values[i] = jitterOne(values[i].strip(), vr, days);
        }
        return String.join("\\", values);
    }

    private static String jitterOne(String v, Vr vr, int days) {
        try {
            if (vr == Vr.DT) {
                Matcher m = DT.matcher(v);
                if (!m.matches()) {
                    return v;
                }
                LocalDateTime t = LocalDate.parse(m.group(1), DA).atStartOfDay();
                if (m.group(2) != null) {
                    String hms = m.group(2);
                    t = t.withHour(Integer.parseInt(hms.substring(0, 2))).withMinute(Integer.parseInt(hms.substring(2,
                            4))).withSecond(Integer.parseInt(hms.substring(4, 6)));
                }
                String micros = m.group(3) == null ? "000000" : (m.group(3) + "00000").substring(0, 6);
                t = t.plusDays(days);
                return String.format(Locale.ROOT, "%04d%02d%02d%02d%02d%02d.%s%s", t.getYear(), t.getMonthValue(),
                        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), micros,
                        m.group(4) == null ? "" : m.group(4));
            }
            if (vr == Vr.DA || v.matches("\\d{8}")) {
                return DA.format(LocalDate.parse(v, DA).plusDays(days));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return v;
        }
        return v;
    }

    /** The whole number of days a JITTER value or deid_func:jitter's days/years give, or null. */
    static Integer days(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A 128-bit number written as a UUID (8-4-4-4-12 hex digits), version 4 and RFC 4122 variant bits set. */
    static String uuidText(BigInteger n) {
        byte[] b = new byte[16];
        byte[] raw = n.toByteArray();
        for (int i = 0; i < 16 && i < raw.length; i++) {
            b[15 - i] = raw[raw.length - 1 - i];
        }
        b[6] = (byte) ((b[6] & 0x0F) | 0x40);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        StringBuilder hex = new StringBuilder();
        for (byte x : b) {
            hex.append(String.format("%02x", x & 0xFF));
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** The number at the end of a UID (its last component), for numbers derived from Cloak's keyed UIDs. */
    static BigInteger lastNumber(String uid) {
        String last = uid.substring(uid.lastIndexOf('.') + 1);
        return last.isEmpty() ? BigInteger.ZERO : new BigInteger(last);
    }

    /** dicom_uuid's form: the root, a dot, the number, cut to 64 characters. */
    static String dicomUuid(String orgRoot, BigInteger n) {
        String uid = orgRoot + "." + n;
        return uid.length() > 64 ? uid.substring(0, 64) : uid;
    }
}
