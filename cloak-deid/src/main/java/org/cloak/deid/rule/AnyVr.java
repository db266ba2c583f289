package org.cloak.deid.rule;

import java.util.Set;
import java.util.stream.Collectors;
import org.cloak.deid.rule.path.Scope;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.dicom.dict.Vr;

/**
 * Every attribute, standard or private, whose VR as encoded is one of {@code vrs} (the
 * dictionary's VR where the encoding gives none). Unlike {@link Selector.StandardVr}, which reads
 * the dictionary, this one sees the element itself.
 */
public record AnyVr(Set<Vr> vrs) implements Selector {
    public AnyVr {
        vrs = Set.copyOf(vrs);
    }

    /** Any tag may carry any VR, so the element decides. */
    @Override
    public boolean matches(int tag, String creator) { return true; }

    @Override
    public boolean matches(int tag, String creator, Vr vr, Scope scope) {
        return vrs.contains(vr != null ? vr : ElementDictionary.standard().vrOf(tag));
    }

    @Override
    public boolean contextual() { return true; }

    @Override
    public String describe() {
        return "VR " + vrs.stream().map(Enum::name).sorted().collect(Collectors.joining("/"));
    }
}
