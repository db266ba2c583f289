package org.cloak.server.web;

import java.util.List;
import org.cloak.server.session.FileChange;

/**
 * The header browser's model of one stored instance.
 *
 * @param rows the attribute tree
 * @param removed the attributes the de-identification removed (they are no longer in the file)
 * @param changed the attributes the change record names, in its order
 * @param attributes how many attributes the stored file holds (items' attributes included)
 * @param unchanged how many of them the change record does not name
 * @param recorded whether a change record exists for the file
 * @param frames the number of frames, 0 when the file has no pixel data the codec decodes
 * @param pixelProblem why there is no preview, or null
 */
public record FileView(String sop, String series, String transferSyntax, List<HeaderRow> rows,
                       List<FileChange> removed, List<FileChange> changed, int attributes, int unchanged,
                       boolean recorded, int frames, String pixelProblem, String center, String width) {

    /** How many changes of a kind the record holds. */
    public long count(FileChange.Kind kind) {
        return changed.stream().filter(c -> c.kind() == kind).count();
    }
}
