/**
 * Recipes: a project's de-identification settings in a YAML file (format: docs/recipe.md),
 * read strictly ({@link org.cloak.deid.recipe.RecipeReader}: every mistake is refused with its
 * line), compiled into the engine's one rule model ({@link org.cloak.deid.recipe.RecipeCompiler})
 * and explained attribute by attribute ({@link org.cloak.deid.recipe.RecipeExplainer}).
 *
 * <pre>{@code
 * Recipe recipe = RecipeReader.read(Path.of("recipes/lab-manual.yaml"));
 * Deidentifier engine = new Deidentifier(RecipeCompiler.compile(recipe, secret, LocalDate.now(), false));
 * RecipeExplainer.explain(recipe).forEach(System.out::println);
 * }</pre>
 */
package org.cloak.deid.recipe;
