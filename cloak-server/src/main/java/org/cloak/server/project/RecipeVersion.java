package org.cloak.server.project;

/**
 * One version of a recipe: every change makes a new one.
 *
 * @param scope {@value RecipeStore#SITE} or a project ID
 */
public record RecipeVersion(String scope, int version, String body, String author, String comment, String createdAt) {}
