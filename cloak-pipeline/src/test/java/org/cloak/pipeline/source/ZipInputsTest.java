package org.cloak.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipInputsTest {
    @TempDir
    Path dir;

    @Test
    void entriesClimbingOutOrAbsoluteAreRefusedAndNothingIsWrittenOutside() throws IOException {
        Path zip = dir.resolve("in.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            for (String name : List.of("../evil.dcm", "/abs/evil.dcm", "a/../../evil.dcm", "ok/1.dcm", "C:/win.dcm")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(new byte[] {1, 2, 3});
                z.closeEntry();
            }
        }
        Path out = Files.createDirectories(dir.resolve("work/out"));
        Path tmp = out.resolve(".cloak/tmp/zip1");
        List<ZipInputs.Refused> refused = new ArrayList<>();
        List<InputItem> items = ZipInputs.extract(zip, tmp, refused);
        assertThat(items).extracting(i -> i.relative().toString()).containsExactly("ok/1.dcm");
        assertThat(items.get(0).file()).isEqualTo(tmp.resolve("ok/1.dcm"));
        assertThat(refused).extracting(ZipInputs.Refused::entry)
                .containsExactly("../evil.dcm", "/abs/evil.dcm", "a/../../evil.dcm", "C:/win.dcm");
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("in.zip", "work/out/.cloak/tmp/zip1/ok/1.dcm");
        }
        assertThat(Path.of("/abs/evil.dcm")).doesNotExist();
    }

    @Test
    void safeRelativeNormalisesNames() {
        assertThat(ZipInputs.safeRelative("a/./b//c.dcm")).isEqualTo(Path.of("a/b/c.dcm"));
        assertThat(ZipInputs.safeRelative("a\\..\\..\\x")).isNull();
    }
}
