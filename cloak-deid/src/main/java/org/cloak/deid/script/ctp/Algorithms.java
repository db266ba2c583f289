package org.cloak.deid.script.ctp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * CTP's value algorithms, computed as CTP computes them (sources: RSNA CTP
 * {@code org.rsna.ctp.stdstages.anonymizer.AnonymizerFunctions}, {@code DICOMAnonymizer},
 * {@code org.rsna.util.DigestUtil} and {@code DateUtil}; checked against an independent Python
 * implementation, {@code ctp_functions.py} in the tests). Every method is a pure function.
 */
final class Algorithms {
    private static final String NONCE = "tszyihnnphlyeaglle";

    private Algorithms() {}

    /** DigestUtil.getUSMD5: the MD5 of the UTF-8 bytes as an unsigned decimal number. */
    static String usMd5(String s) {
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, h).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** hash(string, maxlen): the MD5 decimal cut to {@code maxlen} digits (below 1: no limit). */
    static String hash(String s, int maxlen) {
        String r = usMd5(s == null ? "null" : s);
        int max = maxlen < 1 ? Integer.MAX_VALUE : maxlen;
        return r.length() <= max ? r : r.substring(0, max);
    }

    /** hashUID(prefix, uid): the prefix and a final '.', '9' where the digits start with 0, the digits; 64 at most. */
    static String hashUid(String prefix, String uid) {
        String p = prefix.trim();
        if (!p.isEmpty() && !p.endsWith(".")) {
            p += ".";
        }
        String digits = usMd5(uid);
        String out = p + (digits.startsWith("0") ? "9" : "") + digits;
        return out.length() > 64 ? out.substring(0, 64) : out;
    }

    /** hashPtID(siteid, ptid, maxlen): hash of "[siteid]ptid", both trimmed. */
    static String hashPtId(String siteId, String ptId, int maxlen) {
        String site = siteId == null ? "" : siteId.trim();
        String pt = ptId == null ? "null" : ptId.trim();
        return hash("[" + site + "]" + pt, maxlen);
    }

    /** What hashName hashes: the first words (split at ^) without white space, commas, quotes and dots, upper case. */
    static String nameForHash(String name, int wordCount) {
        int words = wordCount <= 0 ? Integer.MAX_VALUE : wordCount;
        String[] parts = name.split("\\^");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length && i < words; i++) {
            sb.append(parts[i]);
        }
        return sb.toString().replaceAll("[\\s,'\\^\\.]", "").toUpperCase(Locale.ROOT);
    }

    /** hashName(string, length, wordCount). */
    static String hashName(String name, int length, int wordCount) {
        return hash(nameForHash(name, wordCount), length);
    }

    /** initials: the first letter of each word (^ and spaces separate), the family name's moved last, upper case. */
    static String initials(String name) {
        if (name == null) {
            return "X";
        }
        String s = name.replace('^', ' ').replaceAll("\\s+", " ").trim();
        if (s.isEmpty()) {
            return "X";
        }
        StringBuilder ss = new StringBuilder();
        int i = 0;
        do {
            ss.append(s.charAt(i));
            i = s.indexOf(' ', i) + 1;
        } while (i != 0);
        String r = ss.length() > 1 ? ss.substring(1) + ss.charAt(0) : ss.toString();
        return r.toUpperCase(Locale.ROOT);
    }

    /**
     * round(age, width): the number in the value rounded to a multiple of {@code width}
     * (Java's Math.round of a float, half up), the value's letters appended, a leading 0 where
     * the result has an odd length; null when the value has no number.
     */
    static String round(String age, int width) {
        if (age == null || age.trim().isEmpty()) {
            return "";
        }
        String a = age.trim();
        String digits = a.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        float f = Float.parseFloat(digits) / (float) width;
        int r = Math.round(f) * width;
        String out = r + a.replaceAll("\\d", "");
        return (out.length() & 1) != 0 ? "0" + out : out;
    }

    /**
     * DateUtil.getCalendar's date: the digits of the value, exactly eight, "00" years read as
     * "19"; the month and day as a lenient GregorianCalendar takes them (13 is January of the
     * next year). Null when the value does not have eight digits.
     */
    static LocalDate date(String value) {
        String d = value.replaceAll("\\D", "");
        if (d.length() != 8) {
            return null;
        }
        if (d.startsWith("00")) {
            d = "19" + d.substring(2);
        }
        int y = Integer.parseInt(d.substring(0, 4));
        int m = Integer.parseInt(d.substring(4, 6));
        int day = Integer.parseInt(d.substring(6, 8));
        return LocalDate.of(y, 1, 1).plusMonths(m - 1L).plusDays(day - 1L);
    }

    private static String format(LocalDate d, String original) {
        return String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                + (original.length() > 8 ? original.substring(8) : "");
    }

    /** incrementDate(date, days), in calendar days; null when the value is not a date. */
    static String incrementDate(String value, long days) {
        LocalDate d = date(value);
        return d == null ? null : format(d.plusDays(days), value);
    }

    /** modifyDate(date, y, m, d): each field set unless negative, as a lenient calendar does; null when not a date. */
    static String modifyDate(String value, int y, int m, int d) {
        LocalDate date = date(value);
        if (date == null) {
            return null;
        }
        int year = y < 0 ? date.getYear() : y;
        int month = m < 0 ? date.getMonthValue() : m;
        int day = d < 0 ? date.getDayOfMonth() : d;
        return format(LocalDate.of(year, 1, 1).plusMonths(month - 1L).plusDays(day - 1L), value);
    }

    /** The days @hashdate moves a date by: minus the last four digits of the value's MD5, modulo 3650. */
    static long hashDateIncrement(String hashed) {
        String h = hash(hashed, -1);
        String last = h.length() > 4 ? h.substring(h.length() - 4) : h;
        return -(Long.parseLong(last) % (10 * 365));
    }

    /** pathelement: the path's part at {@code index} (from the end when negative), else the whole path. */
    static String pathElement(String path, int index) {
        String[] parts = path.split("/");
        int i = index < 0 ? parts.length + index : index;
        return i >= 0 && i < parts.length ? parts[i] : path;
    }

    /** truncate: the first {@code n} characters, or for a negative {@code n} the last -n of the trimmed value. */
    static String truncate(String v, int n) {
        if (n >= 0) {
            return v.substring(0, Math.min(v.length(), n));
        }
        String t = v.trim();
        return t.substring(Math.max(0, t.length() + n));
    }

    /** greaterthan: the digits of each side as an int (0 where there are none or too many). */
    static int digitsAsInt(String s) {
        String d = s.replaceAll("[^0-9]", "");
        try {
            return d.isEmpty() ? 0 : Integer.parseInt(d);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * getEncryptionKey(keyText, 128): the key's base-64 characters, filled up with CTP's nonce to
     * 22 characters, padded with '=' to 24, decoded.
     */
    static byte[] encryptionKey(String keyText) {
        String k = (keyText == null ? "" : keyText.trim()).replaceAll("[^a-zA-Z0-9+/]", "");
        int required = (128 + 5) / 6;
        int groupChars = 4 * ((required + 3) / 4);
        StringBuilder sb = new StringBuilder(k);
        while (sb.length() < required) {
            sb.append(NONCE);
        }
        String text = (sb.substring(0, required) + "===").substring(0, groupChars);
        return Base64.getDecoder().decode(text);
    }

    /** encrypt(string, key): Blowfish (ECB, PKCS5 padding, as CTP's Cipher "Blowfish") of the UTF-8 text, base 64. */
    static String encrypt(String s, String key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("Blowfish/ECB/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey(key), "Blowfish"));
        return Base64.getEncoder().encodeToString(c.doFinal((s == null ? "null" : s).getBytes(StandardCharsets.UTF_8)));
    }

    /** decrypt: the inverse of {@link #encrypt}. */
    static String decrypt(String s, String key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("Blowfish/ECB/PKCS5Padding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey(key), "Blowfish"));
        return new String(c.doFinal(Base64.getDecoder().decode(s.trim())), StandardCharsets.UTF_8);
    }
}
