package org.cloak.cli;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.Profiles;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import picocli.CommandLine.Option;

/**
 * The recipe flags shared by commands that de-identify ({@code --profile}, {@code --option},
 * {@code --recipe}, {@code --allow-burned-in}), as a picocli mixin, and the recipe they make:
 * the recipe file if given, else the defaults, with the flags winning. Same rules as
 * {@code cloak run}'s.
 */
public final class RecipeOptions {
    @Option(names = "--profile", paramLabel = "P",
            description = "original, anonymize, anonymize-full, dicom-basic (default) or hipaa; overrides the recipe's")
    String profile;

    @Option(names = "--option", paramLabel = "O",
            description = "a PS3.15 option, e.g. retain-safe-private (repeatable); replaces the recipe's options")
    List<String> options;

    @Option(names = "--recipe", paramLabel = "FILE", description = "YAML recipe (see docs/recipe.md), or a DicomEdit,"
            + " CTP or deid script (docs/scripts.md); repeatable: scripts run in order, a YAML recipe is their base")
    List<Path> recipeFiles;

    /** The YAML recipe: the one among {@link #recipeFiles} once {@link #recipe()} ran, or set directly. */
    Path recipeFile;

    @picocli.CommandLine.Mixin
    ScriptOptions scriptOptions = new ScriptOptions();

    @Option(names = "--allow-burned-in",
            description = "write images that may carry burned-in text instead of quarantining them")
    boolean allowBurnedIn;

    /** The recipe; a usage problem (unreadable recipe, unknown profile or option) is thrown with its message. */
    Recipe recipe() throws RunCommand.UsageException {
        return recipe(RecipeTexts.DISK);
    }

    /** {@link #recipe()} with the files' texts read through {@code texts}. */
    Recipe recipe(RecipeTexts texts) throws RunCommand.UsageException {
        List<Path> files = recipeFiles != null ? recipeFiles : recipeFile != null ? List.of(recipeFile) : List.of();
        ScriptOptions.Split split = scriptOptions.split(files, texts);
        recipeFile = split.yaml();
        Recipe base;
        if (recipeFile == null && !split.scripts().isEmpty()) {
            base = Recipe.ofScripts(List.of(), null); // scripts alone unless --profile gives a base
        } else if (recipeFile != null) {
            try {
                base = texts == RecipeTexts.DISK ? RecipeReader.read(recipeFile) : RecipeReader.read(
                        new StringReader(texts.read(recipeFile)), recipeFile.toAbsolutePath().getParent());
            } catch (RecipeException e) {
                throw new RunCommand.UsageException(recipeFile + (e.line() > 0 ? ":" + e.line() : "") + ": "
                        + e.detail());
            }
        } else {
            base = Recipe.defaults();
        }
        String p = profile != null ? profile : base.profile();
        if (!Profiles.names().contains(p)) {
            throw new RunCommand.UsageException("unknown profile '" + p + "'; known: " + String.join(", ",
                    Profiles.names()));
        }
        Set<ProfileOption> opts = base.options();
        if (options != null) {
            opts = EnumSet.noneOf(ProfileOption.class);
            for (String o : options) {
                opts.add(ProfileOption.fromCliName(o));
            }
        }
        Profiles.rules(p, opts); // refuses options the profile does not take
        Recipe r = new Recipe(p, Set.copyOf(opts), base.categories(), base.patientId(), base.dates(), base.overrides(),
                base.keepPrivateCreators(), base.allowBurnedIn() || allowBurnedIn, base.patientIdGiven(),
                base.pixels());
        return split.scripts().isEmpty() ? r : r.withScripts(split.scripts());
    }
}
