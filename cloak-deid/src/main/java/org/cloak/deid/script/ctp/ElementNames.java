package org.cloak.deid.script.ctp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * CTP's element names (DicomObject.getElementTag and getPrivateElementTag, and the anonymizer's
 * own names for private elements): a keyword, {@code ggggeeee}, {@code (gggg,eeee)},
 * {@code [gggg,eeee]}, {@code gggg[BlockID]ee} for a private element by its creator, names a
 * script gives its private elements, {@code A::B} paths into sequences, {@code root:} and
 * {@code this}. Keywords are PS3.6's; dcm4che's shortened ones ending in {@code Seq} are read
 * as the keyword ending in {@code Sequence}, a leading {@code Ref} as {@code Referenced}.
 */
final class ElementNames {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,8}");
    private static final Pattern HEX_COMMA = Pattern.compile("([0-9a-fA-F]{0,4}),([0-9a-fA-F]{1,4})");
    private static final Pattern PRIVATE = Pattern.compile("([0-9a-fA-F]{1,4}),?\\[([^\\]]*)\\],?([0-9a-fA-F]{1,2})");

    private final String file;
    private final Map<String, ElementKey> privateNames = new HashMap<>();

    ElementNames(String file) {
        this.file = file;
    }

    /** A name the script gave a private element ({@code set.[0009[CTP]01]MyName}), case ignored as CTP does. */
    void name(String name, ElementKey key) {
        if (!name.isBlank()) {
            privateNames.put(name.trim().toLowerCase(Locale.ROOT), key);
        }
    }

    /** The element an argument names. */
    Ref ref(Expr.Arg arg) throws ScriptException {
        String s = arg.text().trim();
        if (s.equals("this") || s.isEmpty()) {
            return Ref.THIS;
        }
        boolean root = s.startsWith("root:");
        if (root) {
            s = s.substring(5).trim();
        }
        List<ElementKey> path = new ArrayList<>();
        for (String part : s.split("::", -1)) {
            path.add(key(part, arg.line(), arg.column(), arg.raw()));
        }
        return new Ref(root, path);
    }

    /** One element: a standard tag, a private element by creator, or a name the script gave one. */
    ElementKey key(String spec, int line, int column, String construct) throws ScriptException {
        String n = unwrap(spec.trim());
        int tag = keyword(n);
        if (tag >= 0) {
            return ElementKey.of(tag);
        }
        ElementKey named = privateNames.get(n.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Matcher m = PRIVATE.matcher(n);
        if (m.matches()) {
            int group = Integer.parseInt(m.group(1), 16);
            if ((group & 1) == 0) {
                throw new ScriptException(file, line, column, "element " + construct,
                        "a private creator's block belongs to an odd group");
            }
            return ElementKey.privateOf(group, m.group(2).trim(), Integer.parseInt(m.group(3), 16));
        }
        int hex = hexTag(n);
        if (hex == -1) {
            throw new ScriptException(file, line, column, "element " + construct,
                    "not an element name: a keyword, ggggeeee, (gggg,eeee), [gggg,eeee] or gggg[BlockID]ee");
        }
        if (Tags.isPrivate(hex)) {
            throw new ScriptException(file, line, column, "element " + construct,
                    "an odd (private) group is written gggg[BlockID]ee: the block number differs from file to file");
        }
        return ElementKey.of(metaCopy(hex, line, column, construct));
    }

    /** A PS3.6 keyword, or dcm4che's shortening of one (Ref for Referenced, Seq for Sequence); -1 if none. */
    private static int keyword(String n) {
        ElementDictionary d = ElementDictionary.standard();
        int tag = d.tagOf(n);
        if (tag >= 0 || !n.matches("[A-Za-z][A-Za-z0-9]*")) {
            return tag;
        }
        String full = n.startsWith("Ref") && !n.startsWith("Referenced") ? "Referenced" + n.substring(3) : n;
        full = full.endsWith("Seq") ? full + "uence" : full;
        return d.tagOf(full);
    }

    /** The tag of a plain hex element specification (ggggeeee, gggg,eeee), or -1. */
    static int hexTag(String spec) {
        String n = unwrap(spec.trim());
        if (HEX.matcher(n).matches()) {
            return (int) Long.parseLong(n, 16);
        }
        Matcher m = HEX_COMMA.matcher(n);
        if (m.matches()) {
            int g = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1), 16);
            return Tags.of(g, Integer.parseInt(m.group(2), 16));
        }
        return -1;
    }

    /** Reads of (0002,0003) and (0002,0002) are the SOP Instance and Class UIDs they copy; no other file meta. */
    private int metaCopy(int tag, int line, int column, String construct) throws ScriptException {
        if (Tags.group(tag) != 0x0002) {
            return tag;
        }
        return switch (tag) {
            case 0x00020003 -> Tag.SOPInstanceUID;
            case 0x00020002 -> Tag.SOPClassUID;
            default -> throw new ScriptException(file, line, column, "element " + construct,
                    "the file meta is not part of the data set; only (0002,0002) and (0002,0003) can be read");
        };
    }

    private static String unwrap(String n) {
        int k = n.length() - 1;
        if (n.startsWith("{") && n.endsWith("}") || n.startsWith("[") && n.endsWith("]")
                || n.startsWith("(") && n.endsWith(")")) {
            return n.substring(1, k).trim();
        }
        return n;
    }
}
