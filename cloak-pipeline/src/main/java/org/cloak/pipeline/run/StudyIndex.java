package org.cloak.pipeline.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
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

    /** A header's sorting keys. */
    record Header(String study, String series, int seriesNumber, int instanceNumber, String sop) {}

    /** Where an input sits: its leaf, its 1-based index in its series and its series' 1-based index in its study. */
    public record Position(String leaf, int index, int series) {}

    private final Map<InputItem, Header> headers = new ConcurrentHashMap<>();
    private Map<InputItem, Position> positions;
    private Map<String, List<InputItem>> leaves;

    /** Notes one header (thread-safe). */
    public void observe(InputItem item, DataSet ds) {
        headers.put(item, new Header(text(ds, Tag.StudyInstanceUID), text(ds, Tag.SeriesInstanceUID),
                number(ds, Tag.SeriesNumber), number(ds, Tag.InstanceNumber), text(ds, Tag.SOPInstanceUID)));
    }

    /** Computes positions and groups the items by leaf, leaves in the order of their first item. */
    public void complete(List<InputItem> items) {
        Map<String, List<InputItem>> bySeries = new HashMap<>();
        Map<String, TreeMap<String, Header>> seriesOfStudy = new HashMap<>();
        leaves = new LinkedHashMap<>();
        for (InputItem item : items) {
            Header h = headers.get(item);
            String leaf = h == null ? UNREADABLE : leafId(h.study());
            leaves.computeIfAbsent(leaf, k -> new ArrayList<>()).add(item);
            if (h != null) {
                bySeries.computeIfAbsent(h.study() + "|" + h.series(), k -> new ArrayList<>()).add(item);
                seriesOfStudy.computeIfAbsent(h.study(), k -> new TreeMap<>())
                        .putIfAbsent(h.series(), h);
            }
        }
        Map<String, Integer> seriesRank = new HashMap<>();
        seriesOfStudy.forEach((study, series) -> {
            List<Header> sorted = new ArrayList<>(series.values());
            sorted.sort(Comparator.comparingInt(Header::seriesNumber).thenComparing(Header::series));
            for (int i = 0; i < sorted.size(); i++) {
                seriesRank.put(study + "|" + sorted.get(i).series(), i + 1);
            }
        });
        positions = new HashMap<>();
        bySeries.forEach((key, list) -> {
            List<InputItem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing((InputItem i) -> headers.get(i).instanceNumber())
                    .thenComparing(i -> headers.get(i).sop()).thenComparing(i -> i.relative().toString()));
            for (int i = 0; i < sorted.size(); i++) {
                Header h = headers.get(sorted.get(i));
                positions.put(sorted.get(i), new Position(leafId(h.study()), i + 1, seriesRank.get(key)));
            }
        });
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

    private static String text(DataSet ds, int tag) {
        String s = ds.getString(tag);
        return s == null ? "" : s.trim();
    }

    private static int number(DataSet ds, int tag) {
        try {
            String s = ds.getString(tag);
            return s == null ? Integer.MAX_VALUE : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
