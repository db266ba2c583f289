package org.cloak.deid.script.ctp;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;

/**
 * The element a script line is for: its {@code t} attribute (eight hex digits, or
 * {@code gggg[BlockID]ee}) or the tag in its {@code set.[...]} key (any CTP element name). A
 * private element written as a plain tag is found by its block's creator where the script
 * writes that creator as text (CTP's own {@code (0013,0010) = CTP} block); any other plain
 * private tag is refused, since its block number differs from file to file.
 */
final class Targets {
    private static final Pattern EIGHT_HEX = Pattern.compile("[0-9a-fA-F]{8}");
    private static final Pattern PRIVATE = Pattern.compile("\\(?\\[?([0-9a-fA-F]{1,4}),?\\[([^\\]]*)\\],?"
            + "([0-9a-fA-F]{1,2})\\]?\\)?");

    /** A script line's element. */
    record Target(Selector selector, ElementKey key) {}

    private final String file;
    private final boolean xml;
    /** (group << 8 | block) → creator text, from the lines that set a creator element to a fixed text. */
    private final Map<Integer, String> creators = new HashMap<>();

    Targets(String file, boolean xml) {
        this.file = file;
        this.xml = xml;
    }

    /** Notes a creator element (gggg,00bb) whose script is fixed text; returns whether the line is one. */
    boolean creator(Located t, Expr.Seq script) {
        int tag = plain(t.text().trim());
        if (tag == -1 || !Tags.isPrivate(tag) || (tag & 0xFF00) != 0 || (tag & 0xFF) < 0x10) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (Expr e : script.parts()) {
            if (e instanceof Expr.Lit l) {
                text.append(l.text());
            } else if (!(e instanceof Expr.Call c && c.name().equals("always"))) {
                return false;
            }
        }
        if (text.toString().isBlank()) {
            return false;
        }
        creators.put(Tags.group(tag) << 8 | (tag & 0xFF), text.toString().trim());
        return true;
    }

    private int plain(String s) {
        if (xml) {
            return EIGHT_HEX.matcher(s).matches() ? (int) Long.parseLong(s, 16) : -1;
        }
        return ElementNames.hexTag(s);
    }

    /** The element of a line, or null for group 0000 and 0002 (never in a stored data set). */
    Target target(Located t, ElementNames names) throws ScriptException {
        String s = t.text().trim();
        Matcher m = PRIVATE.matcher(s);
        if (m.matches()) {
            int group = Integer.parseInt(m.group(1), 16);
            if ((group & 1) == 0) {
                throw error(t, "a private creator's block belongs to an odd group");
            }
            int offset = Integer.parseInt(m.group(3), 16);
            String creator = m.group(2).trim();
            return new Target(new Selector.PrivateTag(creator, group, offset),
                    ElementKey.privateOf(group, creator, offset));
        }
        int tag = plain(s);
        if (tag == -1 && !xml) {
            int k = ElementDictionary.standard().tagOf(s.replaceAll("^[\\[(]|[\\])]$", ""));
            tag = k;
        }
        if (tag == -1) {
            throw error(t, xml ? "not a tag: t is eight hex digits ggggeeee or gggg[BlockID]ee"
                    : "not a tag: write ggggeeee, gggg,eeee, a keyword or gggg[BlockID]ee");
        }
        int group = Tags.group(tag);
        if (group == 0x0000 || group == 0x0002) {
            return null;
        }
        if (!Tags.isPrivate(tag)) {
            return new Target(new Selector.TagIs(tag), ElementKey.of(tag));
        }
        int block = (tag >> 8) & 0xFF;
        String creator = creators.get(group << 8 | block);
        if (block >= 0x10 && creator != null) {
            return new Target(new Selector.PrivateTag(creator, group, tag & 0xFF),
                    ElementKey.privateOf(group, creator, tag & 0xFF));
        }
        throw error(t, "(" + String.format("%04X,%04X", group, tag & 0xFFFF) + ") is in an odd (private) group:"
                + " write it gggg[BlockID]ee, since the block number differs from file to file");
    }

    private ScriptException error(Located t, String detail) {
        return new ScriptException(file, t.lineAt(0), t.columnAt(0), "tag " + t.text().trim(), detail);
    }
}
