package org.cloak.server.web;

import java.util.List;

/**
 * One attribute of the header browser's tree.
 *
 * @param path the attribute path as the change record writes it, e.g. {@code (0008,1111)[0](0008,1155)}
 * @param tag the tag, {@code (gggg,eeee)}
 * @param name the keyword, {@code [creator]} for a private attribute, PrivateCreator, or (unknown)
 * @param value the value as text, shortened
 * @param change what the de-identification did to it (replaced, emptied, added) or "unchanged"
 * @param items the items of a sequence, each a list of rows; empty for other attributes
 */
public record HeaderRow(String path, String tag, String vr, String name, String value, String change,
                        String rule, List<List<HeaderRow>> items) {

    public boolean sequence() { return vr.equals("SQ"); }

    public boolean changed() { return !change.equals("unchanged"); }
}
