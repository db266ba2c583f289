package org.cloak.pixel.step;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.deid.pixel.PixelPolicy;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.deid.pixel.TextMode;
import org.cloak.deid.pixel.TextScope;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pixel.access.PixelCodecs;
import org.cloak.pixel.text.TesseractCli;

/** The engine with a pixel step, as a front end wires it, and files through it. */
public final class Engines {
    private Engines() {}

    public static Deidentification with(List<PixelRule> rules, TextMode mode, TextScope scope) {
        PixelPolicy policy = new PixelPolicy(rules, mode, scope);
        return Recipes.prepare(Recipe.defaults(), new Secret(new byte[32]), LocalDate.of(2024, 1, 1), false).build()
                .withPixelStep(new PixelStep(policy, PixelCodecs.standard(),
                        mode == TextMode.OFF ? null : TesseractCli.standard(), null));
    }

    public static Deidentification without() {
        return Recipes.prepare(Recipe.defaults(), new Secret(new byte[32]), LocalDate.of(2024, 1, 1), false).build();
    }

    public static Deidentified run(Deidentification deid, Path in) throws IOException {
        return deid.deidentify(DicomReader.read(in), Origin.unknown());
    }

    /** Writes a cleaned outcome and reads it back. */
    public static DicomFile write(Deidentified d, Path out) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            d.writeTo(ch);
        }
        return DicomReader.read(out);
    }

}
