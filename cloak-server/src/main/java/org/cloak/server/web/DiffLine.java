package org.cloak.server.web;

/** One line of a recipe diff; {@code op} is ' ' kept, '-' only in the first version, '+' only in the second. */
public record DiffLine(char op, String text) {

    public String kind() {
        return op == '+' ? "added" : op == '-' ? "removed" : "kept";
    }
}
