package org.cloak.deid.script.ctp;

import java.util.List;
import java.util.regex.Pattern;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Outcome;
import org.cloak.deid.rule.Condition;
import org.cloak.deid.rule.RuleSet;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;

/**
 * Compiles RSNA CTP scripts: a DicomAnonymizer script, in its XML form or its properties form
 * (CTP's DAScript tells them apart the same way: XML starts with '<'), or a DicomFilter script,
 * whose objects that do not pass are held back. A DicomPixelAnonymizer signature library is
 * refused: its regions belong in a recipe's pixels section.
 */
public final class CtpScripts {
    private static final Pattern XML = Pattern.compile("^\\s*<", Pattern.DOTALL);
    private static final Pattern PROPERTIES = Pattern.compile("(?m)^\\s*#?\\s*(set|param|keep|remove)\\.");
    private static final Pattern PIXEL_REGION = Pattern.compile("\\(\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+"
            + "\\s*\\)");

    private CtpScripts() {}

    /**
     * @param name the file name, for origins and messages
     * @throws ScriptException for anything Cloak cannot run exactly as CTP does, with its line and column
     */
    public static CompiledScript compile(String name, String text, ScriptInputs inputs) throws ScriptException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (XML.matcher(t).find()) {
            return new CtpCompiler(name, inputs, true).compile(XmlScriptReader.read(name, t));
        }
        if (PROPERTIES.matcher(t).find()) {
            return new CtpCompiler(name, inputs, false).compile(PropertiesScriptReader.read(name, t));
        }
        if (t.contains("{") && PIXEL_REGION.matcher(t).find()) {
            throw new ScriptException(name, 0, 0, "DicomPixelAnonymizer script",
                    "this is CTP's pixel anonymizer (regions blanked in the pixels), not a DicomAnonymizer or"
                            + " DicomFilter script: write its regions in a recipe's pixels section");
        }
        Condition passes = filter(name, t);
        DeidConfig.Gate gate = new DeidConfig.Gate(Condition.not(passes), Outcome.Reason.REFUSED,
                "does not pass the CTP DicomFilter script " + name);
        return new CompiledScript(name, ScriptFormat.CTP, List.of(new DeidConfig.Stage(List.of(gate),
                new RuleSet(List.of()))), List.of(), List.of("an object the DicomFilter does not pass is held back"
                + " as refused (CTP drops it from the pipeline, or sends it to the stage's quarantine)"));
    }

    /** A DicomFilter script ({@code Modality.equals("CT") * !ImageType.contains("LOCALIZER")}) as a condition. */
    public static Condition filter(String name, String text) throws ScriptException {
        return Filter.compile(name, text);
    }
}
