package org.cloak.pipeline.service;

import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.DeidStep;
import org.cloak.deid.recipe.Recipe;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.vault.KeySource;

/**
 * Everything one batch run needs, as a front end collected it (command-line flags, a server
 * job's form, a Spark job's arguments).
 *
 * @param inputs files and folders; {@code -} reads more paths from {@link #stdin}
 * @param output the output folder
 * @param recipe the recipe, flags already merged in
 * @param recipeDigest the digest the audit names the recipe by
 * @param vaultDir the vault's folder (outside the output folder)
 * @param key how the vault is unlocked
 * @param threads worker threads, or null for one per processor
 * @param layout how outputs are named
 * @param restart ignore the resume journal
 * @param quarantine quarantine folder, or null for the default
 * @param audits audit reports to write (.csv, .xlsx)
 * @param auditPassword password of the .xlsx reports, or null
 * @param auditOriginalValues keep original values in the encrypted workbook
 * @param strictPrivate quarantine files with private blocks the recipe does not keep
 * @param pixelStep the engine's pixel step (a front end builds it with an image library), or null
 * @param strictNames refuse the run when its mirror layout would copy identifying folder or file names
 */
public record RunSpec(List<Path> inputs, Path output, Recipe recipe, String recipeDigest, Path vaultDir, KeySource key,
                      Integer threads, LayoutSpec layout, boolean restart, Path quarantine, List<Path> audits,
                      String auditPassword, boolean auditOriginalValues, boolean strictPrivate, DeidStep pixelStep,
                      boolean strictNames) {
    public RunSpec {
        inputs = List.copyOf(inputs);
        audits = List.copyOf(audits);
    }

    /** A run without a pixel step: pixel data is copied as it is. */
    public RunSpec(List<Path> inputs, Path output, Recipe recipe, String recipeDigest, Path vaultDir, KeySource key,
                   Integer threads, LayoutSpec layout, boolean restart, Path quarantine, List<Path> audits,
                   String auditPassword, boolean auditOriginalValues, boolean strictPrivate) {
        this(inputs, output, recipe, recipeDigest, vaultDir, key, threads, layout, restart, quarantine, audits,
                auditPassword, auditOriginalValues, strictPrivate, null, false);
    }

    /** This run with a pixel step. */
    public RunSpec withPixelStep(DeidStep step) {
        return new RunSpec(inputs, output, recipe, recipeDigest, vaultDir, key, threads, layout, restart, quarantine,
                audits, auditPassword, auditOriginalValues, strictPrivate, step, strictNames);
    }

    /** This run, refusing (or not) to copy identifying names into the output. */
    public RunSpec withStrictNames(boolean strict) {
        return new RunSpec(inputs, output, recipe, recipeDigest, vaultDir, key, threads, layout, restart, quarantine,
                audits, auditPassword, auditOriginalValues, strictPrivate, pixelStep, strict);
    }
}
