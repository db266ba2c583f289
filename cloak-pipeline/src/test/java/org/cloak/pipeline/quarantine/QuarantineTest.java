package org.cloak.pipeline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.source.InputItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineTest {
    @TempDir
    Path dir;

    @Test
    void keepsACopyUnderANeutralNameWithTheReason() throws IOException {
        Path root = Files.createDirectories(dir.resolve("in/DOE^JANE"));
        Path input = Files.write(root.resolve("PID-0001.dcm"), new byte[] {9, 8, 7});
        InputItem item = new InputItem(input, dir.resolve("in"), Path.of("DOE^JANE/PID-0001.dcm"));
        Quarantine q = Quarantine.in(dir.resolve("out"));

        String name = q.put(item, "Burned In Annotation is YES");

        assertThat(q.dir()).isEqualTo(dir.resolve("out.originals/quarantine"));
        assertThat(name).matches("[0-9a-f]{24}").isEqualTo(Quarantine.neutralName(item));
        assertThat(Files.readAllBytes(q.dir().resolve(name + ".dcm"))).containsExactly(9, 8, 7);
        assertThat(Files.readString(q.dir().resolve(name + ".reason.txt")))
                .isEqualTo("input-sha256: " + Digests.inputPath(item.relative())
                        + "\nreason: Burned In Annotation is YES\n")
                .doesNotContain("DOE").doesNotContain("PID");
        try (Stream<Path> files = Files.list(q.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("DOE") || n.contains("PID"));
        }
    }

    @Test
    void theNameDependsOnTheRelativePathOnly() {
        InputItem a = new InputItem(Path.of("/x/a/1.dcm"), Path.of("/x"), Path.of("a/1.dcm"));
        InputItem b = new InputItem(Path.of("/y/a/1.dcm"), Path.of("/y"), Path.of("a/1.dcm"));
        InputItem c = new InputItem(Path.of("/x/a/2.dcm"), Path.of("/x"), Path.of("a/2.dcm"));
        assertThat(Quarantine.neutralName(a)).isEqualTo(Quarantine.neutralName(b))
                .isNotEqualTo(Quarantine.neutralName(c));
    }
}
