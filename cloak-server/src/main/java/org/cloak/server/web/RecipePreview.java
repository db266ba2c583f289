package org.cloak.server.web;

import java.util.List;
import org.cloak.server.session.FileChange;

/**
 * What a recipe text would change in a stored instance: the outcome and the changes, or why
 * there is none (the recipe has an error, the file would be quarantined).
 */
public record RecipePreview(String outcome, List<FileChange> changes) {}
