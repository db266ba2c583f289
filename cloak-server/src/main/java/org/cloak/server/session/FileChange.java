package org.cloak.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;

/**
 * One change the de-identification made to one attribute of a stored instance, as the engine's
 * {@link AuditEvent} reports it, without its values.
 *
 * @param path the attribute path, e.g. {@code (0008,1111)[0](0008,1155)}
 * @param keyword the keyword, or the private creator in brackets
 * @param kind what happened to the attribute
 * @param action the action code that decided it (PS3.15 D/Z/X/K/C/U, or the recipe's)
 * @param origin the rule's origin (profile, option or recipe line)
 */
public record FileChange(String path, String keyword, Kind kind, String action, String origin) {

    /** What a person sees: an attribute removed, emptied, replaced or added. */
    public enum Kind {
        REMOVED, EMPTIED, REPLACED, ADDED;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The change an audit event describes: a modification by the Z action (or to no value) is an emptying. */
    public static FileChange of(AuditEvent e) {
        Kind k = switch (e.change()) {
            case REMOVED -> Kind.REMOVED;
            case ADDED -> Kind.ADDED;
            case MODIFIED -> "Z".equals(e.action()) || (e.newValue() != null && e.newValue().isEmpty())
                    ? Kind.EMPTIED : Kind.REPLACED;
        };
        return new FileChange(nz(e.path()), nz(e.keyword()), k, nz(e.action()), nz(e.origin()));
    }

    /** The changes of a list of events, in order. */
    public static List<FileChange> of(List<AuditEvent> events) {
        return events.stream().map(FileChange::of).toList();
    }

    /**
     * The changes with the server's labels added ({@link Labels#apply}: PatientName, PatientID and
     * StudyID are written after the recipe): an attribute the recipe removed or did not touch is
     * then replaced by the label.
     */
    public static List<FileChange> withLabels(List<FileChange> changes) {
        List<FileChange> out = new ArrayList<>(changes);
        for (int tag : new int[] {Tag.PatientName, Tag.PatientID, Tag.StudyID}) {
            String path = Tags.toString(tag);
            FileChange label = new FileChange(path, DataSet.keywordOf(tag), Kind.REPLACED, "label", "server labels");
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).path().equals(path)) {
                    at = i;
                }
            }
            if (at < 0) {
                out.add(label);
            } else if (out.get(at).kind() == Kind.REMOVED || out.get(at).kind() == Kind.EMPTIED) {
                out.set(at, label);
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
