package org.cloak.pipeline.run;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.data.DataSet;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.source.Input;
import org.cloak.pipeline.source.InputItem;

/**
 * What the discovery pass learnt about every input: its study (the unit of resume, a "leaf"),
 * and its place in its series and study, so that layouts can number files and series the same
 * way on every run whatever order the workers finish in. Keyed by original values, which never
 * leave this object: a leaf is named by the SHA-256 of its original StudyInstanceUID.
 */
public final class StudyIndex {
    /** Leaf of inputs that could not be read in discovery; processed (and quarantined) on every run. */
    public static final String UNREADABLE = "unreadable";

    /** Where an input sits: its leaf, its 1-based index in its series and its series' 1-based index in its study. */
    public record Position(String leaf, int index, int series) implements Serializable {}

    private final Map<InputItem, StudyMember> headers = new ConcurrentHashMap<>();
    private Map<InputItem, Position> positions;
    private Map<String, List<InputItem>> leaves;

    /** Notes one header (thread-safe). */
    public void observe(InputItem item, DataSet ds) {
        headers.put(item, StudyMember.of(item.relative().toString(), ds));
    }

    /** Numbers the items ({@link StudyNumbering}) and groups them by leaf, leaves in the order of their first item. */
    public void complete(List<InputItem> items) {
        leaves = new LinkedHashMap<>();
        List<InputItem> known = new ArrayList<>();
        List<StudyMember> members = new ArrayList<>();
        for (InputItem item : items) {
            StudyMember h = headers.get(item);
            leaves.computeIfAbsent(h == null ? UNREADABLE : h.leaf(), k -> new ArrayList<>()).add(item);
            if (h != null) {
                known.add(item);
                members.add(h);
            }
        }
        List<Position> numbered = StudyNumbering.number(members);
        positions = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            positions.put(known.get(i), numbered.get(i));
        }
        headers.clear();
    }

    /** Items grouped by leaf. */
    public Map<String, List<InputItem>> leaves() { return leaves; }

    /** The item's position, or null when discovery could not read it. */
    public Position position(Input item) { return positions.get(item); }

    public String leafOf(Input item) {
        Position p = positions.get(item);
        return p == null ? UNREADABLE : p.leaf();
    }

    /** SHA-256 of the original StudyInstanceUID: names a leaf without revealing the UID. */
    public static String leafId(String studyUid) {
        return Digests.sha256Hex(studyUid.getBytes(StandardCharsets.US_ASCII));
    }
}
