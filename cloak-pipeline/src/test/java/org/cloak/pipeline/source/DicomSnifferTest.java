package org.cloak.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.io.DicomInput;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomSnifferTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /**
     * The decision on a file, asserted to be the same from its path and from an input opened
     * for reading (its first bytes read whole, through the window, or for a read that skips later groups).
     */
    private static boolean dicom(Path f) throws IOException {
        boolean fromPath = DicomSniffer.isDicom(f);
        for (ReadOptions opts : List.of(ReadOptions.DEFAULT, ReadOptions.DEFAULT.withWholeFileLimit(0),
                ReadOptions.DEFAULT.withSkipFrom(Tags.of(0x0021, 0x0000)))) {
            try (DicomInput in = DicomInput.open(f, opts)) {
                assertThat(DicomSniffer.isDicom(in)).as("%s read with %s", f.getFileName(), opts).isEqualTo(fromPath);
                assertThat(in.size()).isEqualTo(Files.size(f));
            }
        }
        return fromPath;
    }

    private static byte[] rawDataSet(TransferSyntax ts) throws IOException {
        DataSet ds = Fixtures.ct().build();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DicomWriter.writeDataSet(ds, ts, Channels.newChannel(bos));
        return bos.toByteArray();
    }

    @Test
    void part10FileWithPreambleIsDicom() throws IOException {
        Path f = Fixtures.write(Fixtures.ct().build(), dir.resolve("a.dcm"));
        assertThat(dicom(f)).isTrue();
        assertThat(DicomSniffer.sniff(f)).isEqualTo(new DicomSniffer.Sniff(true, Files.size(f)));
    }

    @Test
    void rawDataSetsWithoutPreambleAreDicomInExplicitAndImplicitVr() throws IOException {
        assertThat(dicom(file("explicit", rawDataSet(TransferSyntax.EXPLICIT_LE)))).isTrue();
        assertThat(dicom(file("implicit", rawDataSet(TransferSyntax.IMPLICIT_LE)))).isTrue();
    }

    @Test
    void dicmPrefixWithoutPreambleIsDicom() throws IOException {
        assertThat(dicom(file("short", "DICM\2\0\1\0".getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
    }

    @Test
    void textImagesArchivesAndEmptyFilesAreNotDicom() throws IOException {
        assertThat(dicom(file("notes.txt", "Patient list, do not share\n".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(dicom(file("x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}))).isFalse();
        assertThat(dicom(file("x.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}))).isFalse();
        assertThat(dicom(file("zeros", new byte[512]))).isFalse();
        assertThat(dicom(file("empty", new byte[0]))).isFalse();
        assertThat(dicom(file("tiny", new byte[] {8, 0}))).isFalse();
        assertThat(dicom(file("long.txt", "no DICOM here\n".repeat(20_000).getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void aTruncatedPart10FileStillLooksLikeDicomSoItIsQuarantinedNotSkipped() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.write(Fixtures.ct().build(), dir.resolve("full.dcm")));
        byte[] cut = java.util.Arrays.copyOf(full, 300);
        assertThat(dicom(file("cut.dcm", cut))).isTrue();
    }
}
