package org.cloak.deid.script;

import java.util.Locale;
import java.util.regex.Pattern;

/** The script languages Cloak reads, and how a file is recognised as one of them. */
public enum ScriptFormat {
    /** XNAT DicomEdit 6 (a {@code version "6.x"} line) or DicomEdit 4 (no version line). */
    DICOMEDIT,
    /** RSNA CTP DicomAnonymizer: XML ({@code <script>}) or properties ({@code set.}/{@code param.} keys). */
    CTP,
    /** pydicom deid recipe ({@code FORMAT dicom}). */
    DEID;

    private static final Pattern DEID_HEADER = Pattern.compile("(?m)^\\s*FORMAT\\s+dicom\\s*$");
    private static final Pattern CTP_PROPERTIES = Pattern.compile("(?m)^\\s*(set|param|keep|remove)\\.[^=]*=");
    /** A CTP DicomFilter (or DicomPixelAnonymizer) expression: {@code ImageType.contains("SCREEN")}, {@code true.}. */
    private static final Pattern CTP_FILTER = Pattern.compile("(?m)(^\\s*(true|false)\\.\\s*$"
            + "|(\\]|\\w)\\.(equals|contains|matches|startsWith|endsWith)(IgnoreCase)?\\s*\\(\\s*\""
            + "|\\.is(Less|Greater)Than\\s*\\()");
    private static final Pattern DICOMEDIT_STATEMENT =
            Pattern.compile("(?m)^\\s*(version\\s+\"|-\\s*\\(|\\([0-9A-Fa-fXx@#]{4},[^)]*\\)\\s*(:=|\\?=|=|~|!=)"
                    + "|removeAllPrivateTags|[A-Za-z_]\\w*\\s*:=|//)");

    /** The command line's name for it. */
    public String word() { return name().toLowerCase(Locale.ROOT); }

    /** The format named {@code dicomedit}, {@code ctp} or {@code deid}, or null. */
    public static ScriptFormat named(String word) {
        for (ScriptFormat f : values()) {
            if (f.word().equalsIgnoreCase(word.trim())) {
                return f;
            }
        }
        return null;
    }

    /**
     * The language of a file, from its content (the name only breaks ties): null when it is none
     * of them (a YAML recipe, say).
     */
    public static ScriptFormat detect(String fileName, String text) {
        String head = text.length() > 8192 ? text.substring(0, 8192) : text;
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (DEID_HEADER.matcher(head).find()) {
            return DEID;
        }
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("<")) {
            return trimmed.contains("<script") || trimmed.contains("<e ") ? CTP : null;
        }
        if (CTP_PROPERTIES.matcher(head).find()) {
            return CTP;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return null;
        }
        if (lower.endsWith(".das")) {
            return DICOMEDIT;
        }
        if (CTP_FILTER.matcher(head).find()) { // before DicomEdit's: a filter may hold // comments
            return CTP;
        }
        return DICOMEDIT_STATEMENT.matcher(head).find() ? DICOMEDIT : null;
    }
}
