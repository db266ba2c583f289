package org.cloak.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.testkit.Fixtures;

/**
 * A small generated corpus: several patients, each in a top folder with two studies half a year
 * apart, two series of a few instances each, in two transfer syntaxes; the bundled samples; a
 * file that is not DICOM and a truncated one (quarantined).
 */
final class TestCorpus {
    private TestCorpus() {}

    static Path write(Path in, int patients, int instances) throws IOException {
        for (int p = 0; p < patients; p++) {
            String top = "pt-" + (char) ('a' + p);
            for (int s = 0; s < 2; s++) {
                for (int series = 1; series <= 2; series++) {
                    for (int i = 1; i <= instances; i++) {
                        int study = p * 10 + s + 1;
                        var ds = Fixtures.ct().patientName("DOE^PATIENT" + p).patientId("SPK-" + (100 + p))
                                .birthDate("1960010" + (p % 9 + 1)).accessionNumber("ACC-" + study)
                                .studyDate(s == 0 ? "20230110" : "20230712").study(study).series(series)
                                .instance(i).institution("SPARK HOSPITAL").build();
                        Path file = in.resolve(top + "/study" + s + "/se" + series + "/im" + i + ".dcm");
                        Files.createDirectories(file.getParent());
                        Fixtures.write(ds, file, i % 2 == 0 ? TransferSyntax.IMPLICIT_LE : TransferSyntax.EXPLICIT_LE);
                    }
                }
            }
        }
        Path samples = Files.createDirectories(in.resolve("samples"));
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            for (Path f : s.sorted().toList()) {
                Files.copy(f, samples.resolve(f.getFileName()));
            }
        }
        Files.writeString(in.resolve("samples/notes.txt"), "not DICOM\n");
        byte[] whole = Files.readAllBytes(in.resolve("pt-a/study0/se1/im1.dcm"));
        Files.write(in.resolve("samples/truncated.dcm"), Arrays.copyOf(whole, 700));
        return in;
    }
}
