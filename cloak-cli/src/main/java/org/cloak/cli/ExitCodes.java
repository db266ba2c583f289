package org.cloak.cli;

/** Exit statuses shared by all commands. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Some input could not be processed (parse errors, findings). */
    public static final int FAILURE = 1;
    /** Some files were quarantined or failed while others were written. */
    public static final int PARTIAL = 2;

    private ExitCodes() {}
}
