package org.cloak.pipeline.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pipeline.oracle.RealisticStudy;
import org.cloak.testkit.Fixtures;

/**
 * The inputs of the golden runs, in three top folders: a study written by dcmtk (CT in two
 * transfer syntaxes, a presentation state, a key object), the bundled samples, and two patients
 * with two studies each, a year apart, built with the test kit (private blocks, sequences).
 */
final class GoldenCorpus {
    private GoldenCorpus() {}

    static Path write(Path in) throws IOException {
        Path work = Files.createDirectories(in.resolveSibling("corpus-work"));
        Path study = RealisticStudy.write(work);
        Files.createDirectories(in);
        Files.move(study, in.resolve("a-realistic"));
        Path samples = Files.createDirectories(in.resolve("b-samples"));
        try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
            for (Path p : s.sorted().toList()) {
                Files.copy(p, samples.resolve(p.getFileName()));
            }
        }
        Path trial = Files.createDirectories(in.resolve("c-trial"));
        String[][] patients = {{"ROE^RICHARD", "GOLD-001", "19610203"}, {"POE^PAULA", "GOLD-002", "19750607"}};
        for (int p = 0; p < patients.length; p++) {
            for (int study1 = 0; study1 < 2; study1++) {
                for (int i = 1; i <= 2; i++) {
                    int studyNo = p * 10 + study1 + 1;
                    var ds = Fixtures.ct().patientName(patients[p][0]).patientId(patients[p][1])
                            .birthDate(patients[p][2]).accessionNumber("GACC-" + studyNo)
                            .studyDate(study1 == 0 ? "20240110" : "20250115").study(studyNo).series(1).instance(i)
                            .institution("GOLDEN HOSPITAL").referringPhysician("WHO^DR^GOLD").build();
                    Path file = trial.resolve("p" + p + "/s" + study1 + "/im" + i + ".dcm");
                    Files.createDirectories(file.getParent());
                    Fixtures.write(ds, file,
                            i == 1 ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE);
                }
            }
        }
        return in;
    }

    /** The files storescu can send: all but the samples (the same tree in another layout). */
    static List<Path> sendable(Path in) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("a-realistic", "c-trial")) {
            try (Stream<Path> s = Files.walk(in.resolve(top))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
