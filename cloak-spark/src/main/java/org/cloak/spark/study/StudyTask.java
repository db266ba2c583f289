package org.cloak.spark.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cloak.pipeline.run.StudyIndex;
import org.cloak.pipeline.run.StudyMember;
import org.cloak.pipeline.run.StudyNumbering;
import org.cloak.spark.plan.Scan;
import org.cloak.spark.plan.SourceFile;

/**
 * One study's files as one task owns them, in listing order, each with its place in the study
 * ({@link StudyNumbering}, from the study's own headers; null for files discovery could not read).
 *
 * @param leaf the study's leaf name ({@link StudyIndex#leafId}), or {@link StudyIndex#UNREADABLE}
 */
public record StudyTask(String leaf, List<SourceFile> files, List<StudyIndex.Position> positions)
        implements Serializable {

    /** Orders and numbers the scans of one leaf. */
    public static StudyTask of(String leaf, Iterable<Scan> scans) {
        List<Scan> sorted = new ArrayList<>();
        scans.forEach(sorted::add);
        sorted.sort(Comparator.comparingLong(s -> s.file().order()));
        List<SourceFile> files = new ArrayList<>();
        List<StudyMember> members = new ArrayList<>();
        for (Scan s : sorted) {
            files.add(s.file());
            members.add(s.member());
        }
        List<StudyIndex.Position> positions = leaf.equals(StudyIndex.UNREADABLE)
                ? new ArrayList<>(java.util.Collections.nCopies(files.size(), null)) : StudyNumbering.number(members);
        return new StudyTask(leaf, files, positions);
    }

    public boolean unreadable() { return leaf.equals(StudyIndex.UNREADABLE); }

    @Override
    public String toString() { return "StudyTask[" + leaf + ", " + files.size() + " files]"; }
}
