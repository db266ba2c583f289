package org.cloak.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.PixelException;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.access.PixelData;
import org.cloak.pixel.text.Render;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloak pixels render FILE --frame N --window C,W -o out.png}. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Writes one frame as a PNG (monochrome through a window, colour as RGB).")
public final class PixelsRenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM file")
    Path file;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "0", description = "frame number from 0 (default 0)")
    int frame;

    @Option(names = "--window", paramLabel = "C,W",
            description = "window center and width in modality units (default: the header's, else the frame's range)")
    String window;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PNG", description = "PNG file to write")
    Path out;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try {
            Render.Window w = null;
            if (window != null) {
                String[] cw = window.split(",");
                if (cw.length != 2) {
                    err.println("cloak pixels render: --window is CENTER,WIDTH");
                    return ExitCodes.FAILURE;
                }
                w = new Render.Window(Double.parseDouble(cw[0].trim()), Double.parseDouble(cw[1].trim()));
            }
            DicomFile f = DicomReader.read(file);
            PixelData pixels = PixelData.open(f.dataset(), f.transferSyntax().uid(), PixelCodecs.standard());
            if (frame < 0 || frame >= pixels.count()) {
                err.println("cloak pixels render: frame " + frame + " of " + pixels.count());
                return ExitCodes.FAILURE;
            }
            Files.write(out, Render.png(pixels.read(frame), f.dataset(), w));
            return ExitCodes.OK;
        } catch (IOException | PixelException | NumberFormatException e) {
            err.println("cloak pixels render: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            err.flush();
        }
    }
}
