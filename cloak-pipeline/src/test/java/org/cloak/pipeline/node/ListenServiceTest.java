package org.cloak.pipeline.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.scp.ServerOptions;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The listener against dcmtk's echoscu and storescu. */
@Timeout(120)
class ListenServiceTest {
    private static final List<String> PHI = List.of("DOE^JANE", "PID-0001", "ACC-0001", "WHO^DR^FAKE",
            "FAKE GENERAL HOSPITAL");

    /** storescu's flag proposing each form's transfer syntax. */
    private static final Map<String, String> PROPOSAL = Map.of("explicit", "-xe", "implicit", "-xi", "rle", "-xr",
            "jpeg-lossless", "-xs");

    @TempDir
    Path tmp;

    @Test
    void echoscuIsAnswered() throws Exception {
        try (ListenService node = Peers.listener(tmp, Peers.options(tmp.resolve("out")))) {
            Oracles.Result r = Peers.run("echoscu", "-aec", "CLOAK", "-aet", "ECHO", "-to", "10", "127.0.0.1",
                    Integer.toString(node.port()));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
        }
    }

    @Test
    void aMultiSeriesStudyInFourTransferSyntaxesArrivesDeidentifiedWithPixelDataUntouched() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> sent = new ArrayList<>();
        Map<String, List<Path>> byForm = new java.util.LinkedHashMap<>();
        String[] forms = {"explicit", "implicit", "rle", "jpeg-lossless"};
        int n = 0;
        for (int series = 1; series <= 2; series++) {
            for (String form : forms) {
                n++;
                DataSet ds = Fixtures.ct().series(series).instance(n).build();
                Path file = sample(in, ds, n, form);
                sent.add(file);
                byForm.computeIfAbsent(form, k -> new ArrayList<>()).add(file);
            }
        }
        Path out = tmp.resolve("out");
        Map<String, Path> outputsBySentFile = new HashMap<>();
        try (ListenService node = Peers.listener(tmp, Peers.options(out))) {
            for (Map.Entry<String, List<Path>> e : byForm.entrySet()) {
                Oracles.Result r = Peers.storescu(node.port(), "CLOAK", "MODALITY", e.getValue(),
                        PROPOSAL.get(e.getKey()));
                assertThat(r.exitCode()).as(e.getKey() + ": " + r.stderr()).isZero();
            }
            assertThat(node.counts()).isEqualTo(new DeidStoreHandler.Counts(8, 0, 0));
        }
        List<Path> outputs = Peers.outputs(out);
        assertThat(outputs).hasSize(8);
        Set<String> studies = new java.util.HashSet<>();
        Set<String> patients = new java.util.HashSet<>();
        for (Path o : outputs) {
            byte[] bytes = Files.readAllBytes(o);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String phi : PHI) {
                assertThat(text).as("%s in %s", phi, o).doesNotContain(phi);
            }
            assertThat(o.toString()).doesNotContain("DOE").doesNotContain("PID-");
            DicomFile f = DicomReader.read(o);
            assertThat(f.dataset().getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
            studies.add(f.dataset().getString(Tag.StudyInstanceUID));
            patients.add(f.dataset().getString(Tag.PatientID));
            outputsBySentFile.put(f.dataset().getString(Tag.InstanceNumber), o);
        }
        assertThat(studies).hasSize(1);
        assertThat(patients).hasSize(1);
        for (Path s : sent) {
            DicomFile original = DicomReader.read(s);
            Path o = outputsBySentFile.get(original.dataset().getString(Tag.InstanceNumber));
            assertThat(o).as("output of %s", s.getFileName()).isNotNull();
            DicomFile written = DicomReader.read(o);
            assertThat(written.transferSyntax()).isEqualTo(original.transferSyntax());
            assertThat(pixelTail(o)).as("pixel data of %s", s.getFileName()).isEqualTo(pixelTail(s));
        }
    }

    @Test
    void wrongCalledAeAndDisallowedCallingAeAreRejectedAndTheListenerKeepsServing() throws Exception {
        ListenOptions options = ListenOptions.of(ServerOptions.of("CLOAK", 0)
                .withAllowedCallingAeTitles(Set.of("GOOD")),
                tmp.resolve("out")).withThreads(1);
        try (ListenService node = Peers.listener(tmp, options)) {
            String port = Integer.toString(node.port());
            Oracles.Result wrongCalled = Peers.run("echoscu", "-aec", "NOTCLOAK", "-aet", "GOOD", "-to", "10",
                    "127.0.0.1", port);
            assertThat(wrongCalled.exitCode()).isNotZero();
            assertThat(wrongCalled.stdout() + wrongCalled.stderr())
                    .containsIgnoringCase("Called AE Title Not Recognized");
            Oracles.Result badCaller = Peers.run("echoscu", "-aec", "CLOAK", "-aet", "EVIL", "-to", "10", "127.0.0.1",
                    port);
            assertThat(badCaller.exitCode()).isNotZero();
            assertThat(badCaller.stdout() + badCaller.stderr()).containsIgnoringCase("Calling AE Title Not Recognized");
            Oracles.Result good = Peers.run("echoscu", "-aec", "CLOAK", "-aet", "GOOD", "-to", "10", "127.0.0.1", port);
            assertThat(good.exitCode()).as(good.stderr()).isZero();
        }
    }

    private static Path sample(Path dir, DataSet ds, int n, String form) throws Exception {
        Path src = Fixtures.write(ds, dir.resolve("src-" + n + ".tmp"), TransferSyntax.EXPLICIT_LE);
        Path out = dir.resolve("ct-" + n + "-" + form + ".dcm");
        switch (form) {
            case "explicit" -> Oracles.dcmconv(src, out, "+te");
            case "implicit" -> Oracles.dcmconv(src, out, "+ti");
            case "rle" -> Oracles.dcmcrle(src, out);
            case "jpeg-lossless" -> Oracles.dcmcjpeg(src, out);
            default -> throw new IllegalArgumentException(form);
        }
        Files.delete(src);
        return out;
    }

    /** The bytes from the (7FE0,0010) Pixel Data element to the end: the last top-level element. */
    private static byte[] pixelTail(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        for (int i = b.length - 4; i >= 0; i--) {
            if (b[i] == (byte) 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0x00) {
                return Arrays.copyOfRange(b, i, b.length);
            }
        }
        throw new AssertionError("no pixel data in " + file);
    }
}
