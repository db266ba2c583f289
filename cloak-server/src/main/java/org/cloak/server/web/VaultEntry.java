package org.cloak.server.web;

/** One vault look-up answer as the page lists it: what kind, what was asked for and what it maps to. */
public record VaultEntry(String type, String original, String mapped, String detail) {}
