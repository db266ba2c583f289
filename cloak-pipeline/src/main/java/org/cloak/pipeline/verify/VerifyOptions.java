package org.cloak.pipeline.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.cloak.deid.DeidStep;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.verify.IdentifierSource;
import org.cloak.deid.verify.PixelCheck;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;

/**
 * What to verify and how.
 *
 * @param outDir the output folder of a run
 * @param inDir the run's input folder, or null when the originals are not at hand
 * @param recipe the recipe the run used (its profile and options when given on the command line)
 * @param recipeLabel how the report names the recipe
 * @param secret the run's secret, or null when it is not known (then values that depend on it
 *     are only checked to differ from the original)
 * @param identifiers where identifying values come from when not from the originals (a values
 *     file, the vault's map through {@link VaultIdentifiers}), or null to use the originals
 * @param extraPairing a pairing tried before the built-in ones (the pipeline's audit, later), or null
 * @param showValues put clear values in the report instead of masked ones
 * @param threads worker threads
 * @param pixelStep the run's pixel step, replayed on the originals as the run applied it, or null
 * @param pixelCheck the check of cleaned pixels against the originals (OCR, nothing changed outside
 *     the blanked areas)
 */
public record VerifyOptions(Path outDir, Path inDir, Recipe recipe, String recipeLabel, Secret secret,
                            IdentifierSource identifiers, Pairing extraPairing, boolean showValues, int threads,
                            DeidStep pixelStep, PixelCheck pixelCheck) {

    public static VerifyOptions of(Path outDir) {
        return new VerifyOptions(outDir, null, Recipe.defaults(), "profile dicom-basic", null, null, null, false,
                Runtime.getRuntime().availableProcessors(), null, PixelCheck.NONE);
    }

    public VerifyOptions withOutput(Path out) {
        return new VerifyOptions(out, inDir, recipe, recipeLabel, secret, identifiers, extraPairing, showValues,
                threads, pixelStep, pixelCheck);
    }

    public VerifyOptions withInput(Path in) {
        return new VerifyOptions(outDir, in, recipe, recipeLabel, secret, identifiers, extraPairing, showValues,
                threads, pixelStep, pixelCheck);
    }

    public VerifyOptions withRecipe(Recipe r, String label) {
        return new VerifyOptions(outDir, inDir, r, label, secret, identifiers, extraPairing, showValues, threads,
                pixelStep, pixelCheck);
    }

    public VerifyOptions withSecret(Secret s) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, s, identifiers, extraPairing, showValues, threads,
                pixelStep, pixelCheck);
    }

    public VerifyOptions withIdentifiers(IdentifierSource ids) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, secret, ids, extraPairing, showValues, threads,
                pixelStep, pixelCheck);
    }

    public VerifyOptions withPairing(Pairing p) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, secret, identifiers, p, showValues, threads,
                pixelStep, pixelCheck);
    }

    public VerifyOptions showingValues(boolean show) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, secret, identifiers, extraPairing, show, threads,
                pixelStep, pixelCheck);
    }

    public VerifyOptions withThreads(int n) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, secret, identifiers, extraPairing, showValues,
                Math.max(1, n), pixelStep, pixelCheck);
    }

    /** These options replaying the run's pixel step (null for none) and checking pixels with {@code check}. */
    public VerifyOptions withPixels(DeidStep step, PixelCheck check) {
        return new VerifyOptions(outDir, inDir, recipe, recipeLabel, secret, identifiers, extraPairing, showValues,
                threads, step, check);
    }

    /**
     * The secret kept in a vault, or null when the vault holds none: verify never creates a
     * secret, since a new one could not reproduce the run's pseudonyms.
     */
    public static Secret existingSecret(Path vault) {
        return Files.isRegularFile(vault.resolve(SecretStore.KEY_FILE)) ? SecretStore.loadOrCreate(vault) : null;
    }

    /**
     * These options with the run's secret from its vault, which is opened, never created (a new
     * secret could not reproduce the run's pseudonyms). Without originals to compare with, the
     * vault's map gives the identifiers to search for, besides {@code others}.
     *
     * @param others identifiers from elsewhere (a values file), or null
     * @throws org.cloak.pipeline.vault.VaultException when the vault exists but cannot be opened
     */
    public VerifyOptions withRunSecret(Path vaultDir, KeySource key, IdentifierSource others) throws IOException {
        if (!Vault.exists(vaultDir)) {
            return withSecret(existingSecret(vaultDir)).withIdentifiers(others);
        }
        try (Vault v = Vault.open(vaultDir, key)) {
            IdentifierSource ids = inDir() == null ? VaultIdentifiers.of(v, others) : others;
            return withSecret(v.secret()).withIdentifiers(ids);
        }
    }

    /** The date used for processing-date rules when replaying (any date is accepted there). */
    static LocalDate today() { return LocalDate.now(); }
}
