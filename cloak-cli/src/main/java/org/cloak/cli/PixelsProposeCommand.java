package org.cloak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.scan.PixelScan;
import org.cloak.pixel.scan.RuleProposal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cloak pixels propose DIR}: region rules from OCR hits grouped by device and image size. */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = "Suggests region rules (a recipe's pixels section, YAML) from the text OCR finds, "
                + "grouped by manufacturer, model and image size.")
public final class PixelsProposeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder of sample images")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PixelScan scan = PixelsScanCommand.scanner(null, false);
            RuleProposal proposal = new RuleProposal();
            for (Path p : PixelsScanCommand.files(dir)) {
                try {
                    proposal.add(scan.scan(DicomReader.read(p)));
                } catch (IOException e) {
                    continue; // not DICOM
                }
            }
            out.print(proposal.yaml());
            return ExitCodes.OK;
        } catch (IOException | RecipeException e) {
            err.println("cloak pixels propose: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
