package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory processor against the batch run's file processor, the oracle: for every kind of
 * input the same decision, the same output path (relative) and byte for byte the same output.
 */
class ObjectProcessorTest {
    @TempDir
    Path dir;

    @Test
    void decidesAndWritesExactlyAsTheFileProcessor() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/s1"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("good.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("implicit.dcm"), TransferSyntax.IMPLICIT_LE);
        byte[] whole = Files.readAllBytes(in.resolve("good.dcm"));
        Files.write(in.resolve("truncated.dcm"), Arrays.copyOf(whole, 700));
        Files.writeString(in.resolve("notes.txt"), "scan list\n");
        DataSet flagged = Fixtures.ct().instance(4).build();
        flagged.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        Fixtures.write(flagged, in.resolve("burned.dcm"));
        Path out = dir.resolve("out");
        for (String layout : List.of("default", "mirror", "mirror-renamed")) {
            Path o = out.resolve(layout);
            FileProcessor files = new FileProcessor(TestEngines.deid(), LayoutSpec.parse(layout).in(o),
                    Quarantine.in(o));
            ObjectProcessor objects = new ObjectProcessor(TestEngines.deid(), LayoutSpec.parse(layout), ds -> null);
            Map<String, String> kinds = new HashMap<>();
            for (InputItem item : InputSource.list(List.of(dir.resolve("in")))) {
                FileResult expected = files.process(item);
                Decision d = objects.process(Files.readAllBytes(item.file()), item.relative(), item.origin(),
                        null); // as the file processor here: numbered by InstanceNumber
                kinds.put(item.relative().toString(), d.getClass().getSimpleName());
                if (expected instanceof FileResult.Written w) {
                    Decision.Write write = (Decision.Write) d;
                    assertThat(out.resolve(layout).resolve(write.target())).isEqualTo(w.target());
                    assertThat(bytes(write)).isEqualTo(Files.readAllBytes(w.target()));
                } else if (expected instanceof FileResult.Quarantined q) {
                    assertThat(((Decision.Hold) d).reason()).isEqualTo(q.reason());
                } else {
                    assertThat(expected).isInstanceOf(FileResult.Skipped.class);
                    assertThat(d).isInstanceOf(Decision.Skip.class);
                }
            }
            assertThat(kinds).containsOnlyKeys("s1/good.dcm", "s1/implicit.dcm", "s1/truncated.dcm", "s1/notes.txt",
                    "s1/burned.dcm");
            assertThat(kinds).containsEntry("s1/truncated.dcm", "Hold").containsEntry("s1/notes.txt", "Skip")
                    .containsEntry("s1/burned.dcm", "Hold").containsEntry("s1/good.dcm", "Write");
        }
    }

    private static byte[] bytes(Decision.Write w) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        w.result().writeTo(Channels.newChannel(b));
        return b.toByteArray();
    }
}
