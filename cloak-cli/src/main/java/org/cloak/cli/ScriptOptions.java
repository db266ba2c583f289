package org.cloak.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.script.CompiledScript;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptFormat;
import org.cloak.deid.script.ScriptInputs;
import org.cloak.deid.script.load.Scripts;
import picocli.CommandLine.Option;

/**
 * The flags of DicomEdit, CTP and deid scripts given with {@code --recipe} (docs/scripts.md):
 * their format when it is not to be recognised, the lookup table, variables, parameters and the
 * deid switches; and the split of the {@code --recipe} files into a YAML recipe and scripts.
 */
public final class ScriptOptions {
    @Option(names = "--recipe-format", paramLabel = "F",
            description = "dicomedit, ctp or deid: how to read --recipe files that are not YAML (default: by content)")
    String format;

    @Option(names = "--lookup", paramLabel = "FILE", description = "lookup table of DicomEdit or CTP scripts")
    Path lookup;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "a DicomEdit variable (project, subject, session...) or deid var: value (repeatable)")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a CTP script parameter (repeatable)")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--keyed",
            description = "scripts' unkeyed hashes (hashUID, @hash...) become Cloak's keyed ones (new pseudonyms)")
    boolean keyed;

    @Option(names = "--deid-remove-private", description = "deid recipes: remove private attributes")
    boolean deidRemovePrivate;

    @Option(names = "--deid-strip-sequences", description = "deid recipes: remove sequences")
    boolean deidStripSequences;

    /** The YAML recipe among the files (at most one) and the scripts, compiled, in order. */
    record Split(Path yaml, List<CompiledScript> scripts) {}

    Split split(List<Path> files) throws RunCommand.UsageException {
        return split(files, RecipeTexts.DISK);
    }

    /** {@link #split(List)} with the files' texts read through {@code texts}. */
    Split split(List<Path> files, RecipeTexts texts) throws RunCommand.UsageException {
        ScriptFormat forced = null;
        if (format != null) {
            forced = ScriptFormat.named(format);
            if (forced == null) {
                throw new RunCommand.UsageException("--recipe-format is dicomedit, ctp or deid, not '" + format + "'");
            }
        }
        Path yaml = null;
        List<CompiledScript> scripts = new ArrayList<>();
        ScriptInputs inputs = null;
        for (Path f : files) {
            String text = texts.read(f);
            ScriptFormat detected = forced != null && !isYaml(f) ? forced : ScriptFormat.detect(f.toString(), text);
            if (detected == null) {
                if (yaml != null) {
                    throw new RunCommand.UsageException("--recipe: one YAML recipe at most (" + yaml + ", " + f + ")");
                }
                yaml = f;
                continue;
            }
            if (inputs == null) {
                inputs = inputs(texts);
            }
            try {
                scripts.add(Scripts.compile(detected, f.getFileName().toString(), text, inputs));
            } catch (ScriptException e) {
                throw new RunCommand.UsageException(f.getParent() == null ? e.getMessage()
                        : f.getParent().resolve(e.getMessage()).toString());
            }
        }
        return new Split(yaml, scripts);
    }

    private static boolean isYaml(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private ScriptInputs inputs(RecipeTexts texts) throws RunCommand.UsageException {
        Map<String, String> table = Map.of();
        if (lookup != null) {
            try {
                table = Scripts.parseLookup(lookup.getFileName().toString(), texts.read(lookup));
            } catch (ScriptException e) {
                throw new RunCommand.UsageException(e.getMessage());
            }
        }
        return new ScriptInputs(variables, parameters, table, deidRemovePrivate, deidStripSequences, keyed);
    }
}
