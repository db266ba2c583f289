package org.cloak.pipeline.layout;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.pipeline.source.InputItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathChecksTest {
    @TempDir
    Path dir;

    @Test
    void anOutputInsideAnInputIsRefused() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        assertThatThrownBy(() -> PathChecks.requireOutputOutsideInputs(List.of(in), in.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output folder " + in.resolve("out") + " is inside input " + in);
    }

    @Test
    void anInputInsideTheOutputIsRefused() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path in = Files.createDirectories(out.resolve("study"));
        assertThatThrownBy(() -> PathChecks.requireOutputOutsideInputs(List.of(in), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input " + in + " is inside output folder " + out);
    }

    @Test
    void theSameFolderForBothIsRefusedEvenThroughALink() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        assertThatThrownBy(() -> PathChecks.requireOutputOutsideInputs(List.of(in), link.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is inside input");
    }

    @Test
    void siblingFoldersWithACommonPrefixAreFine() throws IOException {
        Path in = Files.createDirectories(dir.resolve("data"));
        assertThatCode(() -> PathChecks.requireOutputOutsideInputs(List.of(in), dir.resolve("data-out")))
                .doesNotThrowAnyException();
    }

    @Test
    void twoInputsLandingOnTheSameOutputFileAreRefused() {
        MirrorLayout layout = new MirrorLayout(dir.resolve("out"));
        InputItem a = new InputItem(dir.resolve("a/x.dcm"), dir.resolve("a"), Path.of("x.dcm"));
        InputItem b = new InputItem(dir.resolve("b/x.dcm"), dir.resolve("b"), Path.of("x.dcm"));
        assertThatThrownBy(() -> PathChecks.requireDistinctTargets(List.of(a, b), layout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs " + a.file() + " and " + b.file() + " would both be written to "
                        + dir.resolve("out/x.dcm"));
    }
}
