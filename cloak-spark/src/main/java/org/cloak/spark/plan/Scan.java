package org.cloak.spark.plan;

import java.io.Serializable;
import org.cloak.pipeline.run.StudyIndex;
import org.cloak.pipeline.run.StudyMember;

/**
 * One file after the discovery pass: its place in a study, or none when its header could not
 * be read (the processing pass then reads it again and says why).
 *
 * @param member its study keys, or null
 */
public record Scan(SourceFile file, StudyMember member) implements Serializable {

    /** The study it belongs to (the resume unit), or {@link StudyIndex#UNREADABLE}. */
    public String leaf() {
        return member == null ? StudyIndex.UNREADABLE : member.leaf();
    }

    @Override
    public String toString() { return "Scan[" + file.order() + "]"; }
}
