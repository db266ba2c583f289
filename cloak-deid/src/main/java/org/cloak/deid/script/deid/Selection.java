package org.cloak.deid.script.deid;

import java.util.List;
import org.cloak.deid.rule.Selector;

/**
 * The attributes a FIELD names, in the rule model: a rule per selector, and for {@code except:}
 * the selectors left out again.
 *
 * @param selectors what the FIELD picks, as a union
 * @param unless what {@code except:} leaves out of it
 * @param tags the standard tags the FIELD names at any depth, where the form names dictionary
 *     attributes only (a keyword, a tag, {@code endswith:}); null otherwise. A value filter is
 *     tested on each of them
 * @param single the one top-level attribute a keyword or tag names, for ADD and for deid's
 *     protection of replaced fields from REMOVE; null for expanders
 * @param values for {@code values:NAME}, the list whose values select the fields (selectors empty)
 */
record Selection(List<Selector> selectors, List<Selector> unless, List<Integer> tags, Integer single,
                 ValuesList values) {
    Selection {
        selectors = List.copyOf(selectors);
        unless = List.copyOf(unless);
        tags = tags == null ? null : List.copyOf(tags);
    }

    Selection(List<Selector> selectors, List<Selector> unless, List<Integer> tags, Integer single) {
        this(selectors, unless, tags, single, null);
    }

    boolean empty() { return selectors.isEmpty() && values == null; }
}
