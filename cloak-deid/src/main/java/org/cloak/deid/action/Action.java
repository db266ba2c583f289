package org.cloak.deid.action;

import org.cloak.dicom.data.Element;

/**
 * What happens to one attribute. The standard's codes (D, Z, X, K, C, U) and the user actions
 * share this model. {@link #apply} sees non-sequence elements only: the engine walks into the
 * items of a sequence unless the action removes or empties it.
 */
public sealed interface Action
        permits Remove, Empty, Dummy, Keep, Clean, ReplaceUid, SetValue, Hash, ShiftDate, Timepoint, RoundAge,
        ProcessingDate, YearOnly, FixedDate, Pseudonym, Derive, Create, KeepWhole {

    /** The standard's code (X, Z, D, K, C, U) or the user action's name. */
    String code();

    /** The output element, or null to remove the attribute. */
    Element apply(Element original, ActionContext ctx);

    /** True when the action drops a sequence's items instead of walking into them. */
    default boolean dropsItems() { return false; }
}
