package org.cloak.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomWriter;
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

    private static byte[] rawDataSet(TransferSyntax ts) throws IOException {
        DataSet ds = Fixtures.ct().build();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DicomWriter.writeDataSet(ds, ts, Channels.newChannel(bos));
        return bos.toByteArray();
    }

    @Test
    void part10FileWithPreambleIsDicom() throws IOException {
        Path f = Fixtures.write(Fixtures.ct().build(), dir.resolve("a.dcm"));
        assertThat(DicomSniffer.isDicom(f)).isTrue();
        assertThat(DicomSniffer.sniff(f)).isEqualTo(new DicomSniffer.Sniff(true, Files.size(f)));
    }

    @Test
    void rawDataSetsWithoutPreambleAreDicomInExplicitAndImplicitVr() throws IOException {
        assertThat(DicomSniffer.isDicom(file("explicit", rawDataSet(TransferSyntax.EXPLICIT_LE)))).isTrue();
        assertThat(DicomSniffer.isDicom(file("implicit", rawDataSet(TransferSyntax.IMPLICIT_LE)))).isTrue();
    }

    @Test
    void dicmPrefixWithoutPreambleIsDicom() throws IOException {
        assertThat(DicomSniffer.isDicom(file("short", "DICM\2\0\1\0".getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
    }

    @Test
    void textImagesArchivesAndEmptyFilesAreNotDicom() throws IOException {
        assertThat(DicomSniffer.isDicom(file("notes.txt", "Patient list, do not share\n".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
        assertThat(DicomSniffer.isDicom(file("x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}))).isFalse();
        assertThat(DicomSniffer.isDicom(file("x.zip", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}))).isFalse();
        assertThat(DicomSniffer.isDicom(file("zeros", new byte[512]))).isFalse();
        assertThat(DicomSniffer.isDicom(file("empty", new byte[0]))).isFalse();
        assertThat(DicomSniffer.isDicom(file("tiny", new byte[] {8, 0}))).isFalse();
    }

    @Test
    void aTruncatedPart10FileStillLooksLikeDicomSoItIsQuarantinedNotSkipped() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.write(Fixtures.ct().build(), dir.resolve("full.dcm")));
        byte[] cut = java.util.Arrays.copyOf(full, 300);
        assertThat(DicomSniffer.isDicom(file("cut.dcm", cut))).isTrue();
    }
}
