package org.cloak.deid.script.dicomedit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cloak.deid.rule.Selector;
import org.cloak.deid.rule.TagPath;
import org.cloak.deid.rule.path.AttributeRef;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.script.ScriptException;
import org.cloak.dicom.dict.Tags;

/**
 * DicomEdit tag paths in the rule model. A path of one tag is the top level only, as in
 * DicomEdit 6; {@code *}, {@code +} and {@code .} are runs of levels; a sequence without an item
 * number, or with {@code [%]}, is any item. Hex wildcards: X any digit, @ even, # odd.
 */
final class Paths {
    private final String file;
    private final boolean rawPrivateAllowed;

    Paths(String file, boolean rawPrivateAllowed) {
        this.file = file;
        this.rawPrivateAllowed = rawPrivateAllowed;
    }

    /** Whether the path names exactly one attribute per item it reaches (no wildcard, no run of levels). */
    static boolean concrete(Ast.Path p) {
        for (Ast.Step s : p.steps()) {
            if (!(s instanceof Ast.TagStep t) || wild(t.group()) || wild(t.element())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the path is in group 0002 (file meta) or 0000 (command): data sets hold neither. */
    static boolean metaOrCommand(Ast.Path p) {
        Ast.Step last = p.steps().get(0);
        return p.steps().size() == 1 && last instanceof Ast.TagStep t
                && (t.group().equals("0002") || t.group().equals("0000"));
    }

    private static boolean wild(String digits) {
        return !digits.matches("[0-9A-Fa-f]*");
    }

    /** The selector of the attributes a path names. */
    Selector selector(Ast.Path p, boolean fromString) throws ScriptException {
        List<TagPath.Level> levels = new ArrayList<>();
        List<Ast.Step> steps = p.steps();
        for (int k = 0; k < steps.size() - 1; k++) {
            Ast.Step s = steps.get(k);
            if (s instanceof Ast.Wild w) {
                levels.add(switch (w.symbol()) {
                    case '*' -> TagPath.AnyLevels.ANY;
                    case '+' -> TagPath.AnyLevels.ONE_OR_MORE;
                    default -> TagPath.AnyLevels.ONE;
                });
            } else {
                Ast.TagStep t = (Ast.TagStep) s;
                levels.add(new TagPath.Item(step(t, p, fromString), t.item() < 0 ? TagPath.ANY_ITEM : t.item()));
            }
        }
        Ast.TagStep last = (Ast.TagStep) steps.get(steps.size() - 1);
        if (last.item() != Ast.TagStep.NONE) {
            throw error(p, "removing or changing one item of a sequence is not supported: Cloak's rules act on"
                    + " attributes, not on single items");
        }
        return new TagPath(levels, step(last, p, fromString));
    }

    private Selector step(Ast.TagStep t, Ast.Path p, boolean fromString) throws ScriptException {
        if (t.creator() != null) {
            if (wild(t.group())) {
                throw error(p, "a private creator's group must be written in hex digits");
            }
            int group = Integer.parseInt(t.group(), 16);
            if ((group & 1) == 0) {
                throw error(p, "a private creator belongs to an odd group");
            }
            if (t.element().equalsIgnoreCase("XX")) {
                return new Selector.PrivateCreatorBlock(t.creator());
            }
            if (wild(t.element())) {
                int value = 0;
                int mask = 0;
                for (char ch : t.element().toLowerCase(Locale.ROOT).toCharArray()) {
                    value <<= 4;
                    mask <<= 4;
                    if (ch == '@' || ch == '#') {
                        mask |= 1;
                        value |= ch == '#' ? 1 : 0;
                    } else if (ch != 'x') {
                        value |= Character.digit(ch, 16);
                        mask |= 0xF;
                    }
                }
                return new Selector.PrivateTagMask(t.creator(), group, value, mask);
            }
            return new Selector.PrivateTag(t.creator(), group, Integer.parseInt(t.element(), 16));
        }
        String digits = t.group() + t.element();
        if (!wild(digits)) {
            int tag = (int) Long.parseLong(digits, 16);
            if (Tags.isPrivate(tag) && !rawPrivateAllowed && !fromString) {
                throw error(p, "an odd (private) group is written (gggg,{CREATOR}ee) in DicomEdit 6");
            }
            return new Selector.TagIs(tag);
        }
        return Selector.TagPattern.parse(digits.toLowerCase(Locale.ROOT));
    }

    /** The attribute a path reads: every step a tag, a sequence without item number read through any item. */
    AttributeRef ref(Ast.Path p) throws ScriptException {
        if (!concrete(p)) {
            throw error(p, "a value is read from one attribute: no wildcard digits or levels (*, +, .) here");
        }
        List<AttributeRef.Step> steps = new ArrayList<>();
        List<Ast.Step> all = p.steps();
        for (int k = 0; k < all.size() - 1; k++) {
            Ast.TagStep t = (Ast.TagStep) all.get(k);
            steps.add(new AttributeRef.Step(key(t), t.item() < 0 ? AttributeRef.ANY_ITEM : t.item()));
        }
        return new AttributeRef(false, steps, key((Ast.TagStep) all.get(all.size() - 1)));
    }

    /** The keys of every attribute a read goes through, the sequences and the attribute itself. */
    List<ElementKey> keys(Ast.Path p) throws ScriptException {
        AttributeRef r = ref(p);
        List<ElementKey> out = new ArrayList<>();
        r.steps().forEach(s -> out.add(s.sequence()));
        out.add(r.element());
        return out;
    }

    private static ElementKey key(Ast.TagStep t) {
        if (t.creator() != null) {
            return ElementKey.privateOf(Integer.parseInt(t.group(), 16), t.creator(), Integer.parseInt(t.element(),
                    16));
        }
        return ElementKey.of((int) Long.parseLong(t.group() + t.element(), 16));
    }

    private ScriptException error(Ast.Path p, String detail) {
        return new ScriptException(file, p.line(), p.col(), "tag path " + p.text(), detail);
    }
}
