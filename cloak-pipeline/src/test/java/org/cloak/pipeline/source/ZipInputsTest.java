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

    @Test
    void neutralNamesKeepEntryPathsOffTheDiskAndADamagedTailKeepsWhatCameBefore() throws IOException {
        Path zip = dir.resolve("named.zip");
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            for (String name : List.of("DOE^JANE/1.dcm", "DOE^JANE/2.dcm")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(new byte[4096]);
                z.closeEntry();
            }
        }
        byte[] whole = Files.readAllBytes(zip);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 200));
        List<ZipInputs.Refused> refused = new ArrayList<>();
        List<InputItem> items = ZipInputs.extract(zip, dir.resolve("x"), refused, true);
        assertThat(items).extracting(i -> i.file().getFileName().toString()).containsExactly("1.dcm", "2.dcm");
        assertThat(items).extracting(i -> i.relative().toString()).containsExactly("DOE^JANE/1.dcm", "DOE^JANE/2.dcm");
        try (var s = Files.walk(dir.resolve("x"))) {
            assertThat(s.map(Path::toString)).noneMatch(p -> p.contains("DOE"));
        }
        assertThat(refused).isEmpty();
        Path garbage = dir.resolve("garbage.zip");
        byte[] g = whole.clone();
        for (int i = 40; i < 400 && i < g.length; i++) {
            g[i] ^= 0x5a;
        }
        Files.write(garbage, g);
        List<ZipInputs.Refused> damaged = new ArrayList<>();
        ZipInputs.extract(garbage, dir.resolve("y"), damaged, true);
        ZipInputs.extract(cut, dir.resolve("z"), damaged, true);
        assertThat(damaged).isNotEmpty();
    }
}
