package org.cloak.pipeline.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers files within their series and series within their study, the same way whoever read
 * the headers and in whatever order the workers finished: instances by InstanceNumber, then
 * SOPInstanceUID, then name; series by SeriesNumber, then SeriesInstanceUID. A study's numbers
 * depend only on its own files, so a distributed job can number each study where it is
 * processed.
 */
public final class StudyNumbering {
    private StudyNumbering() {}

    /**
     * The positions of {@code members} (in input order: a series' number is that of its first
     * file in this order), as a list aligned with it.
     */
    public static List<StudyIndex.Position> number(List<StudyMember> members) {
        Map<String, List<Integer>> bySeries = new HashMap<>();
        Map<String, TreeMap<String, StudyMember>> seriesOfStudy = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            StudyMember m = members.get(i);
            bySeries.computeIfAbsent(m.study() + "|" + m.series(), k -> new ArrayList<>()).add(i);
            seriesOfStudy.computeIfAbsent(m.study(), k -> new TreeMap<>()).putIfAbsent(m.series(), m);
        }
        Map<String, Integer> seriesRank = new HashMap<>();
        seriesOfStudy.forEach((study, series) -> {
            List<StudyMember> sorted = new ArrayList<>(series.values());
            sorted.sort(Comparator.comparingInt(StudyMember::seriesNumber).thenComparing(StudyMember::series));
            for (int i = 0; i < sorted.size(); i++) {
                seriesRank.put(study + "|" + sorted.get(i).series(), i + 1);
            }
        });
        List<StudyIndex.Position> out = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            out.add(null);
        }
        bySeries.forEach((key, list) -> {
            List<Integer> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing((Integer i) -> members.get(i).instanceNumber())
                    .thenComparing(i -> members.get(i).sop()).thenComparing(i -> members.get(i).name()));
            for (int i = 0; i < sorted.size(); i++) {
                StudyMember m = members.get(sorted.get(i));
                out.set(sorted.get(i), new StudyIndex.Position(m.leaf(), i + 1, seriesRank.get(key)));
            }
        });
        return out;
    }
}
