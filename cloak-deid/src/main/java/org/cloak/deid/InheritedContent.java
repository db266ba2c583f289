package org.cloak.deid;

import java.util.Set;
import org.cloak.deid.action.Action;
import org.cloak.deid.action.Clean;
import org.cloak.deid.action.Dummy;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * What D and C mean on a sequence. The items are kept and walked so that the structure stays
 * valid, but free text inside that no rule of its own decides (e.g. TextValue in a Content
 * Sequence, which Table E.1-1 does not list) takes the sequence's action: D replaces it with a
 * dummy, C cleans it. Coded vocabulary (code value, scheme, meaning) is not free text and stays.
 */
final class InheritedContent {
    private static final Set<Vr> FREE_TEXT = Set.of(Vr.LO, Vr.LT, Vr.SH, Vr.ST, Vr.UT, Vr.UC, Vr.PN);
    private static final Set<Integer> CODED = Set.of(Tag.CodeValue, Tag.CodingSchemeDesignator,
            Tag.CodingSchemeVersion, Tag.CodeMeaning, Tag.LongCodeValue, Tag.URNCodeValue, Tag.MappingResource,
            Tag.ContextGroupVersion, Tag.ContextIdentifier, Tag.ContextUID);

    private InheritedContent() {}

    /** Whether an attribute decided by no rule takes the enclosing sequence's action. */
    static boolean applies(Element e) {
        return FREE_TEXT.contains(e.vr()) && !CODED.contains(e.tag());
    }

    /** The action a sequence hands down to its items' free text, or null. */
    static Action passedOn(Action sequenceAction) {
        return sequenceAction instanceof Dummy || sequenceAction instanceof Clean ? sequenceAction : null;
    }
}
