package org.cloak.deid.recipe;

import org.cloak.deid.error.DeidException;

/**
 * A recipe that cannot be used: a YAML syntax error, an unknown key, a value of the wrong type
 * or outside its vocabulary. Carries the recipe line so the user can go straight to it; the
 * message never repeats attribute values that could be PHI (condition operands, set values).
 */
public final class RecipeException extends DeidException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String detail;

    /**
     * @param line 1-based line in the recipe file, or 0 when the problem has no line (unreadable file)
     * @param detail what is wrong, without the line prefix
     */
    public RecipeException(int line, String detail) {
        this(line, detail, null);
    }

    public RecipeException(int line, String detail, Throwable cause) {
        super(Kind.RECIPE, line > 0 ? "line " + line + ": " + detail : detail, cause);
        this.line = line;
        this.detail = detail;
    }

    /** The 1-based recipe line, or 0 when not known. */
    public int line() { return line; }

    /** The message without the "line N: " prefix, for "FILE:LINE: detail" output. */
    public String detail() { return detail; }
}
