package org.cloak.deid.script;

/**
 * A script that Cloak cannot run faithfully: a syntax error, an unknown function, a wrong number
 * of arguments, a bad tag, or a construct the engine cannot carry out exactly as the original
 * tool would. Raised when the script is loaded, so nothing is ever run partly. The message names
 * the file, the line and column and the construct, never a value from the data.
 */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String construct;
    private final String detail;

    /**
     * @param line 1-based, 0 when the problem is the whole file
     * @param column 1-based, 0 when not known
     * @param construct what was being read, e.g. "function hashUID" or "tag (0019,1010)"
     */
    public ScriptException(String file, int line, int column, String construct, String detail) {
        super(file + ":" + line + ":" + column + ": " + construct + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
        this.construct = construct;
        this.detail = detail;
    }

    public String file() { return file; }

    public int line() { return line; }

    public int column() { return column; }

    public String construct() { return construct; }

    /** What is wrong, without the position. */
    public String detail() { return detail; }
}
