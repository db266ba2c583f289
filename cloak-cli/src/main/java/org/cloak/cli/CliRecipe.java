package org.cloak.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.recipe.Recipe;
import org.cloak.spark.plan.RecipeSource;

/**
 * The recipe flags of a {@code cloak spark} command and the texts of their files, read once
 * where the command runs: every Spark executor makes the same recipe from them, through the same
 * {@link RecipeOptions} as {@code cloak run}, without the files.
 */
final class CliRecipe implements RecipeSource {
    private final String profile;
    private final List<String> options;
    private final List<String> files;
    private final boolean allowBurnedIn;
    private final String format;
    private final String lookup;
    private final Map<String, String> variables;
    private final Map<String, String> parameters;
    private final boolean keyed;
    private final boolean deidRemovePrivate;
    private final boolean deidStripSequences;
    private final Map<String, String> texts = new HashMap<>();

    /** Captures the flags and reads every file they name. */
    CliRecipe(RecipeOptions r) throws RunCommand.UsageException {
        ScriptOptions s = r.scriptOptions;
        profile = r.profile;
        options = r.options == null ? null : List.copyOf(r.options);
        List<Path> paths = r.recipeFiles != null ? r.recipeFiles : r.recipeFile != null ? List.of(r.recipeFile)
                : List.of();
        files = new ArrayList<>(paths.stream().map(Path::toString).toList());
        allowBurnedIn = r.allowBurnedIn;
        format = s.format;
        lookup = s.lookup == null ? null : s.lookup.toString();
        variables = new LinkedHashMap<>(s.variables);
        parameters = new LinkedHashMap<>(s.parameters);
        keyed = s.keyed;
        deidRemovePrivate = s.deidRemovePrivate;
        deidStripSequences = s.deidStripSequences;
        for (Path p : paths) {
            texts.put(p.toString(), RecipeTexts.DISK.read(p));
        }
        if (s.lookup != null) {
            texts.put(lookup, RecipeTexts.DISK.read(s.lookup));
        }
    }

    @Override
    public Recipe recipe() {
        RecipeOptions r = new RecipeOptions();
        r.profile = profile;
        r.options = options == null ? null : new ArrayList<>(options);
        r.recipeFiles = files.isEmpty() ? null : files.stream().map(Path::of).toList();
        r.allowBurnedIn = allowBurnedIn;
        ScriptOptions s = r.scriptOptions;
        s.format = format;
        s.lookup = lookup == null ? null : Path.of(lookup);
        s.variables = new LinkedHashMap<>(variables);
        s.parameters = new LinkedHashMap<>(parameters);
        s.keyed = keyed;
        s.deidRemovePrivate = deidRemovePrivate;
        s.deidStripSequences = deidStripSequences;
        try {
            return r.recipe(f -> {
                String t = texts.get(f.toString());
                if (t == null) {
                    throw new RunCommand.UsageException("no copy of " + f + " was taken");
                }
                return t;
            });
        } catch (RunCommand.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
