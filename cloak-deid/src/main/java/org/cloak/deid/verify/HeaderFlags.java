package org.cloak.deid.verify;

import org.cloak.deid.action.Remove;
import org.cloak.deid.rule.Rule;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * Checks that need no original: the output is marked as de-identified, does not say its pixels
 * carry text, and holds no private attribute that the recipe removes (at any depth).
 */
public final class HeaderFlags {
    private HeaderFlags() {}

    /** @param originalTop the paired original's top level for rule conditions, or null */
    public static void check(String file, DataSet output, DataSet originalTop, RuleLookup rules, FindingSink sink) {
        String removed = output.getString(Tag.PatientIdentityRemoved);
        if (removed == null || !removed.trim().equalsIgnoreCase("YES")) {
            sink.add(FindingKind.IDENTITY_REMOVED_MISSING, file, Tags.toString(Tag.PatientIdentityRemoved),
                    "PatientIdentityRemoved", "PS3.15 E.1.1", removed == null ? "absent" : "not YES", removed);
        }
        String burned = output.getString(Tag.BurnedInAnnotation);
        if (burned != null && burned.trim().equalsIgnoreCase("YES")) {
            sink.add(FindingKind.BURNED_IN_ANNOTATION, file, Tags.toString(Tag.BurnedInAnnotation),
                    "BurnedInAnnotation", "", "written although flagged", burned);
        }
        DataSet top = originalTop != null ? originalTop : output;
        Walk.each(output, (path, owner, e) -> {
            if (!Tags.isPrivate(e.tag()) || Tags.isPrivateCreator(e.tag())) {
                return;
            }
            Rule r = rules.resolve(e.tag(), owner, top);
            if (r != null && r.action() instanceof Remove) {
                sink.add(FindingKind.PRIVATE_NOT_REMOVED, file, path.toString(), Difference.keywordOf(owner, e.tag()),
                        RuleLookup.describe(r), "present in the output", ValueText.of(owner, e));
            }
        });
    }
}
