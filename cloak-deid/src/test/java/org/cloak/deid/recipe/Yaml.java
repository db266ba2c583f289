package org.cloak.deid.recipe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert;

/** Recipes written inline in tests, one YAML line per argument so line numbers are easy to read. */
final class Yaml {
    private Yaml() {}

    static Recipe read(String... lines) throws RecipeException {
        return RecipeReader.read(new StringReader(String.join("\n", lines) + "\n"), Path.of("."));
    }

    /** The recipe's error; fails the test when it reads without one. */
    static RecipeException error(String... lines) {
        try {
            read(lines);
        } catch (RecipeException e) {
            return e;
        }
        throw new AssertionError("expected a RecipeException for:\n" + String.join("\n", lines));
    }

    static void fails(ThrowableAssert.ThrowingCallable c) {
        assertThatThrownBy(c).isInstanceOf(RecipeException.class);
    }
}
