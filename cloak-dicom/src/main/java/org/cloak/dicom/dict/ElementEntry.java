package org.cloak.dicom.dict;

import java.util.List;
import java.util.Objects;

/**
 * One row of the data element dictionary (PS3.6 / PS3.7).
 *
 * @param tagPattern {@code GGGGEEEE} in upper-case hex, with lower-case {@code x} for the
 *                   standard's wildcard nibbles, e.g. {@code 60xx3000}
 * @param keyword    the standard's keyword; empty for the few retired rows that have none
 * @param name       the standard's attribute name; may be empty like the keyword
 * @param vrs        the VRs the standard allows, in its order ({@code US or SS} gives US, SS);
 *                   empty when the standard gives none (items, delimiters, some retired rows)
 * @param vm         the VM as written ({@code 1}, {@code 1-n}, ...); empty when not given
 * @param retired    whether the standard marks the element retired
 */
public record ElementEntry(String tagPattern, String keyword, String name, List<Vr> vrs, String vm,
                           boolean retired) {

    public ElementEntry {
        Objects.requireNonNull(tagPattern, "tagPattern");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vm, "vm");
        vrs = List.copyOf(vrs);
    }

    /** The first VR the standard lists, or null when it gives none. */
    public Vr vr() { return vrs.isEmpty() ? null : vrs.get(0); }
}
