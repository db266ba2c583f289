package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pipeline.layout.MirrorLayout;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProcessorTest {
    private static final String US_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.6.1";

    @TempDir
    Path dir;
    Path in;
    Path out;
    FileProcessor processor;

    @BeforeEach
    void setUp() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        processor = new FileProcessor(TestEngines.deid(), new MirrorLayout(out),
                Quarantine.in(out));
    }

    /** Good files in two transfer syntaxes, a truncated file, a text file, two burned-in risks. */
    private void mixedCorpus() throws IOException {
        Files.createDirectories(in.resolve("s1"));
        Fixtures.write(Fixtures.ct().instance(1).build(), in.resolve("s1/good.dcm"));
        Fixtures.write(Fixtures.ct().instance(2).build(), in.resolve("s1/implicit.dcm"), TransferSyntax.IMPLICIT_LE);
        byte[] whole = Files.readAllBytes(in.resolve("s1/good.dcm"));
        Files.write(in.resolve("s1/truncated.dcm"), Arrays.copyOf(whole, 700));
        Files.writeString(in.resolve("notes.txt"), "scan list, DOE^JANE\n");
        DataSet us = Fixtures.ct().instance(3).build();
        us.setString(Tag.Modality, Vr.CS, "US");
        us.setString(Tag.SOPClassUID, Vr.UI, US_IMAGE_STORAGE);
        Fixtures.write(us, in.resolve("us.dcm"));
        DataSet flagged = Fixtures.ct().instance(4).build();
        flagged.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        Fixtures.write(flagged, in.resolve("burned.dcm"));
    }

    private Map<String, FileResult> runAll() throws IOException, InterruptedException {
        Map<String, FileResult> results = new ConcurrentHashMap<>();
        List<InputItem> items = InputSource.list(List.of(in));
        new BatchRunner(3).run(items, processor::process, processor::crashed,
                r -> assertThat(results.put(r.item().relative().toString(), r)).isNull());
        assertThat(results).hasSameSizeAs(items);
        return results;
    }

    @Test
    void everyInputEndsAsExactlyOneOfWrittenSkippedOrQuarantined() throws Exception {
        mixedCorpus();
        Map<String, FileResult> r = runAll();
        Map<String, String> kinds = r.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getClass().getSimpleName()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                "s1/good.dcm", "Written", "s1/implicit.dcm", "Written", "s1/truncated.dcm", "Quarantined",
                "notes.txt", "Skipped", "us.dcm", "Quarantined", "burned.dcm", "Quarantined"));
        assertThat(((FileResult.Quarantined) r.get("us.dcm")).reason())
                .isEqualTo("no Burned In Annotation flag on modality US (use --allow-burned-in to write it)");
        assertThat(((FileResult.Quarantined) r.get("burned.dcm")).reason())
                .isEqualTo("Burned In Annotation is YES (use --allow-burned-in to write it)");
        // where and what, never the input's path: folder and file names may name the patient
        String reason = ((FileResult.Quarantined) r.get("s1/truncated.dcm")).reason();
        assertThat(reason).startsWith("not readable as DICOM: offset ").doesNotContain("truncated")
                .doesNotContain(in.toString());
        Path reasonFile = out.resolveSibling(out.getFileName() + ".originals").resolve("quarantine")
                .resolve(((FileResult.Quarantined) r.get("s1/truncated.dcm")).name() + ".reason.txt");
        assertThat(Files.readString(reasonFile)).doesNotContain("truncated").doesNotContain(in.toString())
                .startsWith("input-sha256: ");

        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted())
                    .as("the quarantined originals lie beside the output folder, not in it")
                    .containsExactly("s1/good.dcm", "s1/implicit.dcm")
                    .noneMatch(n -> n.contains("truncated") || n.contains("notes") || n.contains(".part"));
        }
        Path quarantined = out.resolveSibling(out.getFileName() + ".originals").resolve("quarantine")
                .resolve(((FileResult.Quarantined) r.get("us.dcm")).name() + ".dcm");
        assertThat(Files.readAllBytes(quarantined)).isEqualTo(Files.readAllBytes(in.resolve("us.dcm")));
    }

    @Test
    void theWrittenFileIsDeidentifiedInTheInputsTransferSyntaxWithPixelsAndMetaConsistent() throws Exception {
        mixedCorpus();
        runAll();
        DicomFile original = DicomReader.read(in.resolve("s1/implicit.dcm"));
        DicomFile written = DicomReader.read(out.resolve("s1/implicit.dcm"));
        assertThat(written.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_LE);
        assertThat(written.transferSyntaxGuessed()).isFalse();
        DataSet ds = written.dataset();
        assertThat(ds.contains(Tag.PatientName)).isFalse();
        assertThat(ds.contains(Fixtures.PRIVATE_PATIENT_NAME)).isFalse();
        assertThat(ds.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        String sop = ds.getString(Tag.SOPInstanceUID);
        assertThat(sop).startsWith("2.25.").isNotEqualTo(original.dataset().getString(Tag.SOPInstanceUID));
        assertThat(written.fileMeta().getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo(sop);
        assertThat(written.fileMeta().getString(Tag.MediaStorageSOPClassUID)).isEqualTo(ds.getString(Tag.SOPClassUID));
        assertThat(written.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(TransferSyntax.IMPLICIT_LE_UID);
        assertThat(pixels(written)).isEqualTo(pixels(original)).hasSize(64 * 64 * 2);
    }

    @Test
    void aCrashIsQuarantinedNamingOnlyTheKindOfFailure() throws IOException {
        Path f = Fixtures.write(Fixtures.ct().build(), in.resolve("x.dcm"));
        FileResult r = processor.crashed(new InputItem(f, in, Path.of("x.dcm")), new StackOverflowError());
        assertThat(r).isInstanceOf(FileResult.Quarantined.class);
        assertThat(((FileResult.Quarantined) r).reason()).isEqualTo("internal error: java.lang.StackOverflowError");
    }

    @Test
    void aPlanningFailureQuarantinesWithItsValueFreeMessage() throws IOException {
        Path f = Fixtures.write(Fixtures.ct().build(), in.resolve("x.dcm"));
        FileProcessor p = new FileProcessor(TestEngines.deid((ds, origin) -> {
            throw new org.cloak.deid.pseudo.PseudonymException("PatientID not in mapping file ids.csv");
        }), new MirrorLayout(out), Quarantine.in(out));
        FileResult r = p.process(new InputItem(f, in, Path.of("x.dcm")));
        assertThat(((FileResult.Quarantined) r).reason())
                .isEqualTo("pseudonyms could not be planned: PatientID not in mapping file ids.csv");
        assertThat(out.resolve("x.dcm")).doesNotExist();
    }

    @Test
    void anEngineFailureQuarantinesWithoutTheExceptionMessage() throws IOException {
        Path f = Fixtures.write(Fixtures.ct().build(), in.resolve("x.dcm"));
        FileProcessor p = new FileProcessor(TestEngines.deid((ds, origin) -> {
            throw new NumberFormatException("For input string: DOE^JANE");
        }), new MirrorLayout(out), Quarantine.in(out));
        FileResult r = p.process(new InputItem(f, in, Path.of("x.dcm")));
        assertThat(((FileResult.Quarantined) r).reason())
                .isEqualTo("de-identification failed: java.lang.NumberFormatException");
    }

    private static byte[] pixels(DicomFile f) throws IOException {
        var v = f.dataset().get(Tag.PixelData).value();
        if (v instanceof Bytes b) {
            return b.data();
        }
        var ref = (org.cloak.dicom.data.BulkRef) v;
        byte[] all = Files.readAllBytes(ref.path());
        return Arrays.copyOfRange(all, (int) ref.offset(), (int) (ref.offset() + ref.length()));
    }
}
