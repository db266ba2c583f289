package org.cloak.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.testkit.Fixtures;

/** PHI-rich synthetic studies for the server tests, as files and zip archives. */
public final class Studies {
    public static final String NAME = "DOE^JANE";
    public static final String ID = "PID-0001";

    private Studies() {}

    /** {@code n} instances of one study (two series) of the fake patient, written under {@code dir}. */
    public static List<Path> study(Path dir, int study, int n, String patientComments) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            DataSet ds = Fixtures.ct().patientName(NAME).patientId(ID).study(study).series(1 + i % 2).instance(i)
                    .rows(8).columns(8).build();
            if (patientComments != null) {
                ds.setString(Tag.PatientComments, Vr.LT, patientComments);
            }
            files.add(Fixtures.write(ds, dir.resolve("DOE_JANE_" + study + "_" + i + ".dcm")));
        }
        return files;
    }

    /** A zip of files under a folder named after the patient, as users send them. */
    public static byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry("DOE^JANE/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** A zip with named extra entries (bytes as given). */
    public static byte[] zip(List<Path> files, String extraName, byte[] extra) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry("DOE^JANE/" + f.getFileName()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(extraName));
            z.write(extra);
            z.closeEntry();
        }
        return bos.toByteArray();
    }

    /** Every .dcm file under a folder. */
    public static List<Path> dicomFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".dcm") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
