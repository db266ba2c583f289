package org.cloak.server.project;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.cloak.deid.Deidentification;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.Recipes;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;
import org.cloak.server.config.DataDir;

/**
 * The compiled de-identification of each scope (the site, each project) at its current recipe
 * version, with the scope's vault: its secret keys the pseudonyms, its map receives what the
 * planner decided. Rebuilt when a new recipe version is saved; vaults stay open while the server
 * runs. Thread-safe.
 */
public final class Deidentifiers implements AutoCloseable {
    private final RecipeStore recipes;
    private final DataDir dirs;
    private final Path keyDir;
    private final char[] passphrase;
    private final Clock clock;
    private final Map<String, Vault> vaults = new HashMap<>();
    private final Map<String, Compiled> compiled = new HashMap<>();

    /** A scope's de-identification at one recipe version. */
    public record Compiled(String scope, int version, Recipe recipe, Deidentification deid, Vault vault) {
        /** Adds what the planner decided to the vault and writes it. */
        public void checkpoint() {
            synchronized (vault) {
                vault.merge(deid.planner());
                vault.flush();
            }
        }
    }

    /** @param passphrase the vaults' passphrase, or null for a key file per vault in {@code keyDir} */
    public Deidentifiers(RecipeStore recipes, DataDir dirs, Path keyDir, char[] passphrase, Clock clock) {
        this.recipes = recipes;
        this.dirs = dirs;
        this.keyDir = keyDir;
        this.passphrase = passphrase == null ? null : passphrase.clone();
        this.clock = clock;
    }

    /** The scope's de-identification at its latest recipe version. */
    public synchronized Compiled current(String scope) {
        RecipeVersion v = recipes.latest(scope).orElseThrow(
                () -> new IllegalStateException("no recipe for " + scope));
        Compiled c = compiled.get(scope);
        if (c != null && c.version() == v.version()) {
            return c;
        }
        if (c != null) {
            c.checkpoint();
        }
        Vault vault = vault(scope);
        Recipe r = recipes.parse(v.body());
        Deidentification d = Recipes.prepare(r, vault.secret(), clock, false).build();
        Compiled fresh = new Compiled(scope, v.version(), r, d, vault);
        compiled.put(scope, fresh);
        return fresh;
    }

    /** The scope's vault, opened (or created) once. */
    public synchronized Vault vault(String scope) {
        return vaults.computeIfAbsent(scope, s -> Vault.openOrCreate(dirs.vault(s), key(s)));
    }

    private KeySource key(String scope) {
        return passphrase != null ? new KeySource.Passphrase(passphrase) : new KeySource.KeyFile(keyDir.resolve(scope
                + ".key"));
    }

    /** Writes every vault. */
    public synchronized void checkpointAll() {
        compiled.values().forEach(Compiled::checkpoint);
    }

    /** Forgets a deleted project's compiled recipe and closes its vault (the vault folder stays). */
    public synchronized void forget(String scope) {
        Compiled c = compiled.remove(scope);
        if (c != null) {
            c.checkpoint();
        }
        Vault v = vaults.remove(scope);
        if (v != null) {
            v.close();
        }
    }

    @Override
    public synchronized void close() {
        checkpointAll();
        vaults.values().forEach(Vault::close);
        vaults.clear();
        compiled.clear();
    }
}
