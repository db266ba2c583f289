package org.cloak.pixel;

import java.io.IOException;
import java.nio.file.Path;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;

/** Frames of a file on disk, whatever its transfer syntax. */
public final class PixelFiles {
    private PixelFiles() {}

    public static PixelData open(Path file) throws IOException {
        DicomFile f = DicomReader.read(file);
        return PixelData.open(f.dataset(), f.transferSyntax().uid(), PixelCodecs.standard());
    }

    public static Frame frame(Path file, int n) throws IOException {
        return open(file).read(n);
    }
}
