package org.cloak.pipeline.verify;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.pseudo.UidMapper;

/**
 * Finds the input an output was made from. {@link #bySopInstanceUid} works whatever the output
 * layout, through the UID pseudonymizer; {@link #byRelativePath} fits the mirror layout. The
 * pipeline's audit records each input's output path: a pairing read from it plugs in here.
 */
@FunctionalInterface
public interface Pairing {

    /** The input's path relative to its root, or null when this pairing does not know. */
    Path inputFor(Path outputRelative, String outputSopInstanceUid);

    /** The first pairing that knows. */
    static Pairing firstOf(List<Pairing> pairings) {
        return (rel, sop) -> {
            for (Pairing p : pairings) {
                Path in = p.inputFor(rel, sop);
                if (in != null) {
                    return in;
                }
            }
            return null;
        };
    }

    /** Same relative path. */
    static Pairing byRelativePath(Set<Path> inputs) {
        return (rel, sop) -> inputs.contains(rel) ? rel : null;
    }

    /**
     * The output's SOP Instance UID is the pseudonym of the input's ({@code uids} with the run's
     * secret), or the input's own when UIDs were retained.
     *
     * @param inputsBySop input SOP Instance UID -> relative path
     * @param uids the run's UID mapper, or null when its secret is not known
     */
    static Pairing bySopInstanceUid(Map<String, Path> inputsBySop, UidMapper uids) {
        Map<String, Path> index = new HashMap<>();
        inputsBySop.forEach((sop, rel) -> {
            index.put(sop, rel);
            if (uids != null) {
                index.put(uids.map(sop), rel);
            }
        });
        return (rel, sop) -> sop == null ? null : index.get(sop);
    }
}
