package org.cloak.spark.plan;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.recipe.RecipeException;
import org.cloak.deid.recipe.RecipeReader;

/**
 * How every executor gets the run's recipe. A compiled recipe is not plain data, so what
 * travels is what it was made from (the texts of its files, the flags), and each executor
 * makes the same recipe again from it, once. Front ends with flags of their own (the
 * {@code cloak spark} command) give their own source.
 */
public interface RecipeSource extends Serializable {

    /** Makes the recipe; the same on every machine. */
    Recipe recipe();

    /** A YAML recipe, its text read here, now: executors need no copy of the file. */
    static RecipeSource yaml(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String base = file.toAbsolutePath().getParent().toString();
        String name = file.getFileName().toString();
        return () -> {
            try {
                return RecipeReader.read(new StringReader(text), Path.of(base));
            } catch (RecipeException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        };
    }

    /** The default recipe (the dicom-basic profile). */
    static RecipeSource defaults() {
        return Recipe::defaults;
    }
}
