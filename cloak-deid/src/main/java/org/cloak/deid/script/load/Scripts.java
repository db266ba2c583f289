package org.cloak.deid.script.load;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.ctp.CtpScripts;
import org.cloak.deid.script.deid.DeidRecipes;
import org.cloak.deid.script.dicomedit.DicomEditScripts;

/**
 * The library entry of the script importers: script text (with lookup table, variables and
 * parameters) in, compiled rules out. The command line and the server both call it.
 *
 * <pre>{@code
 * CompiledScript s = Scripts.compile("site.das", text, null, ScriptInputs.none());
 * Recipe r = Recipe.ofScripts(List.of(s), "dicom-basic");
 * }</pre>
 */
public final class Scripts {
    private Scripts() {}

    /** Compiles script text in a language. */
    public static CompiledScript compile(ScriptFormat format, String name, String text, ScriptInputs inputs)
            throws ScriptException {
        return switch (format) {
            case DICOMEDIT -> DicomEditScripts.compile(name, text, inputs);
            case CTP -> CtpScripts.compile(name, text, inputs);
            case DEID -> DeidRecipes.compile(name, text, inputs);
        };
    }

    /**
     * Parses a lookup table: CTP's format, one {@code keyType/value = replacement} per line (a
     * Java properties file; {@code #} starts a comment).
     */
    public static Map<String, String> parseLookup(String name, String text) throws ScriptException {
        try {
            Properties p = new Properties();
            p.load(new StringReader(text));
            Map<String, String> out = new LinkedHashMap<>();
            for (String k : p.stringPropertyNames()) {
                out.put(k.trim(), p.getProperty(k).trim());
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ScriptException(name, 0, 0, "lookup table", "not a lookup table: " + e.getMessage());
        }
    }

    /**
     * Compiles a script in the language its content shows (or {@code format} when given).
     *
     * @throws ScriptException when it is in no known language, or uses a construct Cloak cannot run exactly
     */
    public static CompiledScript compile(String name, String text, ScriptFormat format, ScriptInputs inputs)
            throws ScriptException {
        ScriptFormat f = format != null ? format : ScriptFormat.detect(name, text);
        if (f == null) {
            throw new ScriptException(name, 0, 0, "file", "not a DicomEdit, CTP or deid script"
                    + " (give --recipe-format dicomedit|ctp|deid if it is one)");
        }
        return compile(f, name, text, inputs);
    }
}
