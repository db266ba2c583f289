package org.cloak.testkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.testkit.DcmdumpParser;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The README's demo study (samples/, built by tools/samples/make-samples.sh) is small, valid and readable. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    static Stream<Path> samples() {
        return Stream.of("ct-phantom.dcm", "ct-phantom-2.dcm", "ct-scout.dcm").map(SAMPLES::resolve);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsASmallValidCtImageWithObviouslyFakePhi(Path sample) throws Exception {
        assertThat(sample).exists();
        assertThat(Files.size(sample)).isLessThan(100 * 1024);
        assertThat(Oracles.dciodvfyErrors(Oracles.dciodvfy(sample))).isEmpty();
        DicomFile f = DicomReader.read(sample);
        assertThat(f.dataset().getString(Tag.PatientName)).isEqualTo("DOE^JOHN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRoundTripsUnchanged(Path sample) throws Exception {
        Path out = dir.resolve("out.dcm");
        DicomWriter.write(DicomReader.read(sample), out);
        String tsUid = org.cloak.dicom.dict.Uid.ExplicitVRLittleEndian;
        assertThat(RoundTripTest.body(Files.readAllBytes(out), tsUid))
                .isEqualTo(RoundTripTest.body(Files.readAllBytes(sample), tsUid));
        assertThat(DcmdumpParser.parse(Oracles.dcmdumpForComparison(out)).dataset())
                .isEqualTo(DcmdumpParser.parse(Oracles.dcmdumpForComparison(sample)).dataset());
    }

    @Test
    void samplesFormOneStudyWithTwoSeries() throws Exception {
        List<DicomFile> files = samples().map(p -> {
            try {
                return DicomReader.read(p);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(files).extracting(f -> f.dataset().getString(Tag.StudyInstanceUID)).containsOnly(
                files.get(0).dataset().getString(Tag.StudyInstanceUID));
        assertThat(files.stream().map(f -> f.dataset().getString(Tag.SeriesInstanceUID)).distinct()).hasSize(2);
    }
}
