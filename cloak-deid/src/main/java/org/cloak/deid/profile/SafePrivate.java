package org.cloak.deid.profile;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.rule.Selector;

/**
 * PS3.15 Table E.3.10-1 Safe Private Attributes, read from {@code safe_private_attributes.tsv}:
 * the private attributes the Retain Safe Private Option keeps, by private creator, odd group
 * and element offset within the block.
 */
public final class SafePrivate {
    private static final String RESOURCE = "safe_private_attributes.tsv";

    private SafePrivate() {}

    private static final class Holder {
        static final List<Selector.PrivateTag> ATTRIBUTES = load();
    }

    /** Every safe private attribute of the bundled edition, in the table's order. */
    public static List<Selector.PrivateTag> attributes() { return Holder.ATTRIBUTES; }

    private static List<Selector.PrivateTag> load() {
        StandardTable t = StandardTable.load(SafePrivate.class, RESOURCE);
        int creator = t.column("private_creator");
        int group = t.column("group");
        int offset = t.column("element_offset");
        List<Selector.PrivateTag> out = new ArrayList<>(t.rows().size());
        for (String[] c : t.rows()) {
            out.add(new Selector.PrivateTag(c[creator], Integer.parseInt(c[group], 16),
                    Integer.parseInt(c[offset], 16)));
        }
        return List.copyOf(out);
    }
}
