package org.cloak.dicom.dict;

import java.util.Objects;

/**
 * One row of the UID registry (PS3.6 Tables ).
 *
 * @param uid     the UID
 * @param name    the name without "(Retired)"; empty for the two retired SOP classes PS3.6 leaves blank
 * @param keyword the keyword; empty where the name is
 * @param type    the UID type as the standard writes it: "SOP Class", "Transfer Syntax", ...
 * @param retired whether the standard marks the UID retired
 */
public record UidEntry(String uid, String name, String keyword, String type, boolean retired) {

    public UidEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(type, "type");
    }
}
