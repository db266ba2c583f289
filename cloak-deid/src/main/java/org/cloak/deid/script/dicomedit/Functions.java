package org.cloak.deid.script.dicomedit;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * DicomEdit's built-in value functions, computed as DicomEdit computes them (sources: the
 * DicomEdit 6 function reference and XNAT's REST tests of each function, named where used).
 */
final class Functions {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DT = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\.\\d{1,6})?"
            + "([+-]\\d{4})?");

    private Functions() {}

    /**
     * hashUID: a version 5 (SHA-1, no namespace) UUID of the value's UTF-8 bytes, as a UID under
     * 2.25 (DicomEdit's HashUID: Generators.nameBasedGenerator().generate(s.getBytes()), then
     * dcm4che's UUID-to-UID conversion).
     */
    static String hashUid(String value) {
        if (value == null) {
            return null;
        }
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
        byte[] uuid = new byte[17];
        System.arraycopy(h, 0, uuid, 1, 16);
        uuid[7] = (byte) ((uuid[7] & 0x0F) | 0x50);
        uuid[9] = (byte) ((uuid[9] & 0x3F) | 0x80);
        return "2.25." + new BigInteger(uuid);
    }

    /** format: java.text.MessageFormat with the arguments as text ({0}, {1}...). */
    static String format(String pattern, Object[] args) {
        if (pattern == null) {
            return null;
        }
        try {
            return new MessageFormat(pattern, Locale.ROOT).format(args);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** substring: Java's substring of the value; no value when the indices do not fit it. */
    static String substring(String v, String begin, String end) {
        if (v == null) {
            return null;
        }
        try {
            int b = Integer.parseInt(begin.trim());
            int e = end == null ? v.length() : Integer.parseInt(end.trim());
            return v.substring(b, e);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** replace: every occurrence of the target text (not a regular expression) replaced. */
    static String replace(String v, String target, String replacement) {
        if (v == null || target == null || replacement == null) {
            return v;
        }
        return v.replace(target, replacement);
    }

    /** match: group {@code group} of the regular expression matched against the whole value. */
    static String match(String v, String regex, String group) {
        if (v == null || regex == null || group == null) {
            return null;
        }
        try {
            Matcher m = Pattern.compile(regex).matcher(v);
            return m.matches() ? m.group(Integer.parseInt(group.trim())) : null;
        } catch (PatternSyntaxException | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    /** ismatch: true when the regular expression matches the whole value. */
    static String isMatch(String v, String regex) {
        if (v == null || regex == null) {
            return "false";
        }
        try {
            return Boolean.toString(Pattern.compile(regex).matcher(v).matches());
        } catch (PatternSyntaxException e) {
            return "false";
        }
    }

    /**
     * normalizeString: every character outside ASCII replaced by {@code _} or the given text (XNAT
     * TestAnonymizationNormalizeString: "Déscrîptîøn plüs" becomes "D_scr_pt__n pl_s").
     */
    static String normalize(String v, String replacement) {
        if (v == null) {
            return null;
        }
        String r = replacement == null ? "_" : replacement;
        StringBuilder sb = new StringBuilder(v.length());
        v.codePoints().forEach(c -> {
            if (c > 127) {
                sb.append(r);
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** urlEncode (DicomEdit 4): the value as application/x-www-form-urlencoded UTF-8. */
    static String urlEncode(String v) {
        return v == null ? null : URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /**
     * shiftDateByIncrement: a DA value moved by a number of days (XNAT TestAnonymizationDateTime
     * Modifications: 20200228 + 2 is 20200301).
     */
    static String shiftDate(String v, String days) {
        if (v == null || days == null) {
            return null;
        }
        try {
            String d = v.trim();
            return DA.format(LocalDate.parse(d.substring(0, 8), DA).plusDays(Long.parseLong(days.trim())))
                    + d.substring(8);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * shiftDateTimeByIncrement: a DT value moved by a number of seconds, keeping its precision,
     * fraction and time zone (XNAT: 20200228235800 + 180 s is 20200229000100; 20200101120000+0500
     * + 10 s is 20200101120010+0500).
     */
    static String shiftDateTime(String v, String seconds) {
        if (v == null || seconds == null) {
            return null;
        }
        Matcher m = DT.matcher(v.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            int[] parts = new int[6];
            int present = 0;
            int[] defaults = {0, 1, 1, 0, 0, 0};
            for (int g = 0; g < 6; g++) {
                String s = m.group(g + 1);
                parts[g] = s == null ? defaults[g] : Integer.parseInt(s);
                present = s == null ? present : g + 1;
            }
            LocalDateTime t = LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
                    .plus(Long.parseLong(seconds.trim()), ChronoUnit.SECONDS);
            String full = String.format(Locale.ROOT, "%04d%02d%02d%02d%02d%02d", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            int length = present == 1 ? 4 : 4 + 2 * (present - 1);
            return full.substring(0, length) + (m.group(7) == null ? "" : m.group(7))
                    + (m.group(8) == null ? "" : m.group(8));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * shiftDateTimeListByIncrement: each value moved by {@code n} units (seconds, minutes, hours or
     * days); a DA value (eight digits) by whole days.
     */
    static String shiftByUnit(String v, String n, String unit) {
        if (v == null || n == null) {
            return null;
        }
        long seconds;
        try {
            long k = Long.parseLong(n.trim());
            String u = unit == null ? "seconds" : unit.trim().toLowerCase(Locale.ROOT);
            seconds = switch (u) {
                case "days", "day" -> k * 86400;
                case "hours", "hour" -> k * 3600;
                case "minutes", "minute" -> k * 60;
                default -> k;
            };
        } catch (NumberFormatException e) {
            return null;
        }
        String[] values = v.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            String one = values[i].trim();
            String s = one.matches("\\d{8}") ? (seconds % 86400 == 0 ? shiftDate(one, Long.toString(seconds / 86400))
                    : null) : shiftDateTime(one, Long.toString(seconds));
            if (s == null) {
                return null;
            }
            values[i] = s;
        }
        return String.join("\\", values);
    }

    /** Years from a birth date to a study date, or -1 when either is not a date. */
    static int years(String birth, String study) {
        try {
            return (int) ChronoUnit.YEARS.between(LocalDate.parse(birth.trim().substring(0, 8), DA),
                    LocalDate.parse(study.trim().substring(0, 8), DA));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * scalePatientAgeAndDobFromStudyDate, for PatientBirthDate: a patient older than 89 at the
     * study gets the birth date that makes them turn 89 the day after the study (XNAT: study
     * 20000131, born 19000101, becomes 19110201); else unchanged.
     */
    static String scaledBirthDate(String birth, String study) {
        if (birth == null || study == null || years(birth, study) < 90) {
            return birth;
        }
        return DA.format(LocalDate.parse(study.trim().substring(0, 8), DA).plusDays(1).minusYears(89));
    }

    /** The same, for PatientAge: an age above 89 years (by the dates, else as written) becomes 089Y. */
    static String scaledAge(String age, String birth, String study) {
        if (age == null) {
            return null;
        }
        if (birth != null && study != null && years(birth, study) >= 0) {
            return years(birth, study) >= 90 ? "089Y" : age;
        }
        String a = age.trim();
        return a.matches("\\d{3}Y") && Integer.parseInt(a.substring(0, 3)) > 89 ? "089Y" : age;
    }
}
