package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order docs/layout.md gives for {index} and {series}, checked on hand-made keys. */
class StudyNumberingTest {
    private static final int NONE = Integer.MAX_VALUE;

    @Test
    void instancesByNumberThenSopThenNameAndSeriesByNumberThenUid() {
        List<StudyMember> m = List.of(
                new StudyMember("a/3.dcm", "1.2.1", "1.2.1.9", 2, 7, "1.2.1.9.3"),
                new StudyMember("a/1.dcm", "1.2.1", "1.2.1.9", 2, 7, "1.2.1.9.1"),
                new StudyMember("a/2.dcm", "1.2.1", "1.2.1.9", 2, 1, "1.2.1.9.9"),
                new StudyMember("b/x.dcm", "1.2.1", "1.2.1.5", 1, NONE, "1.2.1.5.1"),
                new StudyMember("b/w.dcm", "1.2.1", "1.2.1.5", 1, NONE, "1.2.1.5.1"),
                new StudyMember("c/1.dcm", "1.2.2", "1.2.2.1", NONE, 1, "1.2.2.1.1"),
                new StudyMember("c/2.dcm", "1.2.2", "1.2.2.0", NONE, 1, "1.2.2.0.1"));
        List<StudyIndex.Position> p = StudyNumbering.number(m);
        // series 1.2.1.5 (SeriesNumber 1) comes before 1.2.1.9 (SeriesNumber 2)
        assertThat(p.stream().map(StudyIndex.Position::series).toList()).containsExactly(2, 2, 2, 1, 1, 2, 1);
        // InstanceNumber 1 first; then 7 twice, ordered by SOP Instance UID; then equal keys by name
        assertThat(p.stream().map(StudyIndex.Position::index).toList()).containsExactly(3, 2, 1, 2, 1, 1, 1);
        assertThat(p.get(0).leaf()).isEqualTo(StudyIndex.leafId("1.2.1")).isNotEqualTo(p.get(5).leaf());
    }
}
