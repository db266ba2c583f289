package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * UID references across the output set: every Referenced SOP Instance UID, at any depth, should
 * name an instance of the output set. One that names an instance of the input set (through the
 * UID map) that has no output is an error; one that names an instance in neither set (a prior
 * study, a patient object) is worth a warning.
 */
public final class References {
    private record Ref(String file, String path, String uid) {}

    private final Set<String> instances = ConcurrentHashMap.newKeySet();
    private final List<Ref> refs = new ArrayList<>();

    /** Records an output's SOP Instance UID and its references. Thread-safe. */
    public void observe(String file, DataSet output) {
        String sop = output.getString(Tag.SOPInstanceUID);
        if (sop != null) {
            instances.add(sop);
        }
        List<Ref> mine = new ArrayList<>();
        Walk.each(output, (path, owner, e) -> {
            if (e.tag() == Tag.ReferencedSOPInstanceUID) {
                for (String uid : owner.getStrings(e.tag())) {
                    if (!uid.isEmpty()) {
                        mine.add(new Ref(file, path.toString(), uid));
                    }
                }
            }
        });
        synchronized (refs) {
            refs.addAll(mine);
        }
    }

    /**
     * @param inputInstances the SOP Instance UIDs the inputs were expected to get in the output ( empty without inputs)
     */
    public void check(Set<String> inputInstances, FindingSink sink) {
        for (Ref r : refs) {
            if (instances.contains(r.uid())) {
                continue;
            }
            FindingKind kind = inputInstances.contains(r.uid()) ? FindingKind.UNRESOLVED_REFERENCE
                    : FindingKind.REFERENCE_OUTSIDE_SET;
            sink.add(kind, r.file(), r.path(), "ReferencedSOPInstanceUID", "", kind.meaning(), r.uid());
        }
    }
}
