package org.cloak.server.project;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;
import org.cloak.deid.recipe.Recipes;
import org.jdbi.v3.core.Jdbi;

/**
 * The versioned recipes: the site-wide one (scope {@value #SITE}) and one per project. A recipe
 * is checked as {@code cloak recipe check} does before it is stored; one whose patient IDs
 * would be numbered in arrival order (a discovery pass the server cannot make) is refused.
 */
public final class RecipeStore {
    /** Scope of the site-wide recipe. */
    public static final String SITE = "_site";
    /** The recipe of a new site and of a new project. */
    public static final String DEFAULT_BODY = "profile: dicom-basic\n";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path baseDir;

    /** @param baseDir folder relative paths in recipes (a CSV mapping) are taken from */
    public RecipeStore(Jdbi jdbi, Clock clock, Path baseDir) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.baseDir = baseDir;
    }

    /**
     * Parses and checks a recipe.
     *
     * @throws IllegalArgumentException naming the line of the error, or the setting the server cannot run
     */
    public Recipe parse(String body) {
        Recipe r;
        try {
            r = RecipeReader.read(new StringReader(body), baseDir);
        } catch (RecipeException e) {
            throw new IllegalArgumentException("the recipe has an error: " + e.getMessage(), e);
        }
        try {
            if (Recipes.prepare(r, Secret.random(), clock, false).needsDiscovery()) {
                throw new IllegalArgumentException("the recipe numbers patients or takes baselines over a whole run;"
                        + " on a server data arrives one session at a time: use patient-id strategy deterministic"
                        + " or csv, and no time point baselines");
            }
        } catch (PseudonymException e) {
            throw new IllegalArgumentException("the recipe's pseudonym settings cannot work: " + e.getMessage(), e);
        }
        return r;
    }

    /** Stores a new version after checking it; returns it. */
    public synchronized RecipeVersion save(String scope, String body, String author, String comment) {
        parse(body);
        int next = latestVersion(scope).orElse(0) + 1;
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO recipes (scope, version, body, author, comment, created_at)"
                        + " VALUES (:s, :v, :b, :a, :c, :t)").bind("s", scope).bind("v", next).bind("b", body)
                .bind("a", author).bind("c", comment == null ? "" : comment).bind("t", now).execute());
        return new RecipeVersion(scope, next, body, author, comment == null ? "" : comment,
                Instant.ofEpochMilli(now).toString());
    }

    public Optional<Integer> latestVersion(String scope) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(version) FROM recipes WHERE scope = :s").bind("s", scope)
                .mapTo(Integer.class).findOne());
    }

    public Optional<RecipeVersion> latest(String scope) {
        return latestVersion(scope).flatMap(v -> get(scope, v));
    }

    public Optional<RecipeVersion> get(String scope, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT scope, version, body, author, comment, created_at FROM "
                + "recipes"
                        + " WHERE scope = :s AND version = :v").bind("s", scope).bind("v", version)
                .map((rs, c) -> new RecipeVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)).toString())).findOne());
    }

    public List<RecipeVersion> history(String scope) {
        return jdbi.withHandle(h -> h.createQuery("SELECT scope, version, body, author, comment, created_at FROM "
                + "recipes"
                        + " WHERE scope = :s ORDER BY version").bind("s", scope)
                .map((rs, c) -> new RecipeVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)).toString())).list());
    }

    public void deleteScope(String scope) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM recipes WHERE scope = :s").bind("s", scope).execute());
    }
}
