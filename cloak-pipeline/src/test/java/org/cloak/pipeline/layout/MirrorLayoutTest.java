package org.cloak.pipeline.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.cloak.pipeline.source.InputItem;
import org.junit.jupiter.api.Test;

class MirrorLayoutTest {
    private final MirrorLayout layout = new MirrorLayout(Path.of("/o"));

    @Test
    void keepsThePathRelativeToTheInputFolder() {
        InputItem item = new InputItem(Path.of("/data/study/s1/i1.dcm"), Path.of("/data/study"), Path.of("s1/i1.dcm"));
        assertThat(layout.target(item)).isEqualTo(Path.of("/o/s1/i1.dcm"));
    }

    @Test
    void aFileGivenDirectlyKeepsItsName() {
        InputItem item = new InputItem(Path.of("/data/x.dcm"), Path.of("/data"), Path.of("x.dcm"));
        assertThat(layout.target(item)).isEqualTo(Path.of("/o/x.dcm"));
    }

    @Test
    void aRelativePathClimbingOutOfTheOutputIsRefused() {
        InputItem item = new InputItem(Path.of("/etc/passwd"), Path.of("/data"), Path.of("../../etc/passwd"));
        assertThatThrownBy(() -> layout.target(item)).isInstanceOf(IllegalArgumentException.class);
    }
}
