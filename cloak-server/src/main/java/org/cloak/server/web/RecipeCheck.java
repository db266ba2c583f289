package org.cloak.server.web;

import java.util.List;

/**
 * The result of checking a recipe text: fine (with the explain listing: the rule that decides
 * each attribute), or the checker's error with its line (0 when it has none).
 */
public record RecipeCheck(boolean ok, int line, String message, List<String> explain) {}
