package org.cloak.deid;

import java.util.Arrays;
import java.util.List;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Create;
import org.cloak.deid.action.Keep;
import org.cloak.deid.action.Remove;
import org.cloak.deid.action.SetValue;
import org.cloak.deid.audit.AuditEvent.Change;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.rule.Rule;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.rule.path.ElementKey;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;

/**
 * Builds the output data set from the original, attribute by attribute, into items at any
 * depth (the reader bounds the depth). Rules see the original: the top level, the item being
 * walked and its location (a {@link Scope}, made once per item). Private creators are carried
 * over only when an element of their block survives; private
 * elements without a creator go.
 */
final class RuleWalker {
    private static final Rule KEEP = new Rule(null, new Keep(), "not listed: kept");
    private static final Rule NO_CREATOR = new Rule(null, new Remove(), "private element without a private creator");
    private static final Rule REMOVED_CREATOR = new Rule(null, new Remove(), "private creator of a removed block");

    private final DeidConfig config;
    private final RuleSet rules;
    private final Rule[] creating;
    private final EngineContext ctx;
    private final DataSet top;
    private final List<AuditEvent> events;
    private final ElementDictionary dict = ElementDictionary.standard();
    private final boolean noRules;

    RuleWalker(DeidConfig config, RuleSet rules, EngineContext ctx, DataSet top, List<AuditEvent> events) {
        this.config = config;
        this.rules = rules;
        this.creating = rules.creating().toArray(Rule[]::new);
        this.ctx = ctx;
        this.top = top;
        this.events = events;
        this.noRules = rules.rules().isEmpty();
    }

    DataSet walk() {
        DataSet out = new DataSet(top.isBigEndian());
        walk(Scope.top(top), out, null);
        return out;
    }

    /**
     * @param scope the item being walked and where it is; an attribute's path is only built when
     *     a change is recorded, since most attributes are kept
     * @param inherited the action of an enclosing sequence that replaces or cleans its content
     *     (D or C), applied to free text inside that no rule of its own decides; null otherwise
     */
    private void walk(Scope scope, DataSet out, Action inherited) {
        DataSet in = scope.item();
        CreatorTags usedCreators = null;
        for (Element e : in) {
            int tag = e.tag();
            if (Tags.isPrivateCreator(tag)) {
                continue;
            }
            String creator = Tags.isPrivate(tag) ? in.privateCreatorOf(tag) : null;
            boolean orphan = Tags.isPrivate(tag) && creator == null && !noRules;
            Rule rule = orphan ? NO_CREATOR : resolve(e, creator, scope);
            if (rule == KEEP && inherited != null && InheritedContent.applies(e)) {
                rule = new Rule(null, inherited, "free text inside a sequence whose content is " + inherited.code());
            }
            Action handedDown = rule == KEEP ? inherited : InheritedContent.passedOn(rule.action());
            Element result = apply(rule.action(), e, scope, handedDown);
            if (result == null) {
                record(scope, creator, Change.REMOVED, rule, e, null);
                continue;
            }
            if (result != e && !(result.value() instanceof Sequence)) {
                record(scope, creator, Change.MODIFIED, rule, e, result);
            }
            out.put(result);
            if (creator != null) {
                if (usedCreators == null) {
                    usedCreators = new CreatorTags();
                }
                usedCreators.add(Tags.creatorTagOf(tag));
            }
        }
        if (creating.length > 0) {
            usedCreators = create(scope, out, usedCreators);
        }
        if (usedCreators != null) {
            for (int i = 0; i < usedCreators.size; i++) {
                Element c = in.get(usedCreators.tags[i]);
                if (c != null) {
                    out.put(c);
                }
            }
        }
        for (Element e : in) {
            if (Tags.isPrivateCreator(e.tag()) && (usedCreators == null || !usedCreators.contains(e.tag()))) {
                if (noRules) {
                    out.put(e); // the original profile changes nothing: a creator of an empty block stays
                } else {
                    record(scope, null, Change.REMOVED, REMOVED_CREATOR, e, null);
                }
            }
        }
    }

    /**
     * Adds the absent attributes that a create rule decides here (it matches this item and no
     * later rule takes over), after the item's own attributes.
     *
     * @return the private creators to carry over, with those of created private elements
     */
    private CreatorTags create(Scope scope, DataSet out, CreatorTags usedCreators) {
        DataSet in = scope.item();
        CreatorTags used = usedCreators;
        for (Rule r : creating) {
            ElementKey key = RuleSet.target(r.selector());
            String creator = key.creator();
            int tag = key.tag();
            int creatorTag = 0;
            boolean newBlock = false;
            if (creator != null) {
                creatorTag = blockOf(in, out, Tags.group(tag), creator);
                newBlock = !in.contains(creatorTag) && !out.contains(creatorTag);
                tag = Tags.of(Tags.group(tag), (Tags.element(creatorTag) << 8) | (tag & 0xFF));
            }
            if (in.contains(tag) || out.contains(tag)) {
                continue;
            }
            Vr vr = creator != null ? Vr.LO : dict.vrOf(tag);
            if (vr == Vr.SQ || vr == Vr.UN) {
                vr = vr == Vr.SQ ? null : Vr.LO;
            }
            if (vr == null || !r.selector().matches(tag, creator, vr, scope)
                    || rules.resolve(tag, creator, vr, scope) != r) {
                continue;
            }
            ctx.scope = scope;
            String value = ((Create) r.action()).value().evaluate(ctx);
            if (value == null) {
                continue;
            }
            Element made = new SetValue(value).apply(new Element(tag, vr, Bytes.EMPTY), ctx);
            out.put(made);
            if (creator != null) {
                if (newBlock) {
                    out.put(ctx.withText(new Element(creatorTag, Vr.LO, Bytes.EMPTY), creator));
                } else {
                    used = used == null ? new CreatorTags() : used;
                    used.add(creatorTag);
                }
            }
            events.add(new AuditEvent(scope.path() + Tags.toString(tag),
                    creator != null ? "[" + creator + "]" : dict.keywordOf(tag), Change.ADDED, r.action().code(),
                    r.origin(), null, config.recordValues() ? value : null));
        }
        return used;
    }

    /** The creator element of a creator's block in a group: the one in use, else the first free one. */
    private static int blockOf(DataSet in, DataSet out, int group, String creator) {
        int free = 0;
        for (int block = 0x10; block <= 0xFF; block++) {
            int t = Tags.of(group, block);
            Element c = in.contains(t) ? in.get(t) : out.get(t);
            if (c == null) {
                free = free == 0 ? t : free;
            } else if (creator.equals(in.contains(t) ? trimmed(in.getString(t)) : trimmed(out.getString(t)))) {
                return t;
            }
        }
        return free == 0 ? Tags.of(group, 0xFF) : free;
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private Rule resolve(Element e, String creator, Scope scope) {
        Rule r = rules.resolve(e.tag(), creator, e.vr(), scope);
        return r == null ? KEEP : r;
    }

    /** @param scope the item holding {@code e} */
    private Element apply(Action action, Element e, Scope scope, Action inherited) {
        ctx.scope = scope;
        if (e.value() instanceof Sequence seq) {
            if (action.dropsItems()) {
                return action.apply(e, ctx);
            }
            Sequence copy = new Sequence(seq.isUndefinedLength());
            String creator = Tags.isPrivate(e.tag()) ? scope.item().privateCreatorOf(e.tag()) : null;
            copy.setImplicitLittleEndian(seq.isImplicitLittleEndian());
            for (int i = 0; i < seq.size(); i++) {
                DataSet item = seq.get(i);
                DataSet outItem = new DataSet(item.isBigEndian());
                outItem.setUndefinedLength(item.isUndefinedLength());
                walk(scope.enter(e.tag(), creator, i, item), outItem, inherited);
                copy.add(outItem);
            }
            return new Element(e.tag(), e.vr(), copy);
        }
        return action.apply(e, ctx);
    }

    /** @param scope the item holding the attribute */
    private void record(Scope scope, String creator, Change change, Rule rule, Element before, Element after) {
        int tag = before.tag();
        String keyword = creator != null ? "[" + creator + "]" : dict.keywordOf(tag);
        String oldValue = null;
        String newValue = null;
        if (config.recordValues()) {
            ctx.scope = scope;
            oldValue = ctx.text(before);
            newValue = after == null ? null : ctx.text(after);
        }
        events.add(new AuditEvent(scope.path() + Tags.toString(tag), keyword, change, rule.action().code(),
                rule.origin(), oldValue, newValue));
    }

    /** The creator tags of the private blocks an item keeps: a handful at most, so a plain array. */
    private static final class CreatorTags {
        int[] tags = new int[4];
        int size;

        void add(int tag) {
            if (contains(tag)) {
                return;
            }
            if (size == tags.length) {
                tags = Arrays.copyOf(tags, size * 2);
            }
            tags[size++] = tag;
        }

        boolean contains(int tag) {
            for (int i = 0; i < size; i++) {
                if (tags[i] == tag) {
                    return true;
                }
            }
            return false;
        }
    }
}
