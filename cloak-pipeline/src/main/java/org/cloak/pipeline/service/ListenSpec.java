package org.cloak.pipeline.service;

import java.nio.file.Path;
import java.util.List;
import org.cloak.deid.recipe.Recipe;
import org.cloak.pipeline.node.ListenOptions;
import org.cloak.pipeline.vault.KeySource;

/**
 * Everything a listening node needs, as a front end collected it.
 *
 * @param options the storage node: AE title, port, output folder, layout, forwarding
 * @param recipe the recipe, flags already merged in
 * @param recipeDigest the digest the audit names the recipe by
 * @param vaultDir the vault's folder (outside the output folder)
 * @param key how the vault is unlocked
 * @param audits audit reports written when the node stops (.csv, .xlsx)
 * @param auditPassword password of the .xlsx reports, or null
 */
public record ListenSpec(ListenOptions options, Recipe recipe, String recipeDigest, Path vaultDir, KeySource key,
                         List<Path> audits, String auditPassword) {
    public ListenSpec {
        audits = List.copyOf(audits);
    }
}
