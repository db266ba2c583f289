package org.cloak.pipeline.run;

import java.util.HashSet;
import java.util.Set;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.SafePrivate;
import org.cloak.deid.recipe.Recipe;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tags;

/**
 * {@code --strict-private}: a file holding a private block whose creator the recipe does not
 * know (neither in its keep-private-creators, nor a creator of the safe private table when
 * retain-safe-private is on) is quarantined rather than trusted to the profile's removal.
 * Creators are vendor names, never PHI, so the reason names them. Nested items are searched too.
 */
public final class StrictPrivate implements FileProcessor.InputCheck {
    private final Set<String> known;

    private StrictPrivate(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** The check for a recipe: its kept creators, plus the safe-private ones when that option is on. */
    public static StrictPrivate of(Recipe recipe) {
        Set<String> known = new HashSet<>();
        recipe.keepPrivateCreators().forEach(c -> known.add(c.trim()));
        if (recipe.options().contains(ProfileOption.RETAIN_SAFE_PRIVATE)) {
            SafePrivate.attributes().forEach(a -> known.add(a.creator().trim()));
        }
        return new StrictPrivate(known);
    }

    @Override
    public String refuse(DataSet original) {
        String unknown = firstUnknown(original);
        return unknown == null ? null : "unknown private creator '" + unknown + "' (strict private)";
    }

    private String firstUnknown(DataSet ds) {
        for (Element e : ds) {
            if (Tags.isPrivateCreator(e.tag())) {
                String creator = ds.getString(e.tag());
                String c = creator == null ? "" : creator.trim();
                if (!known.contains(c)) {
                    return c;
                }
            } else if (e.value() instanceof Sequence seq) {
                for (DataSet item : seq) {
                    String u = firstUnknown(item);
                    if (u != null) {
                        return u;
                    }
                }
            }
        }
        return null;
    }
}
