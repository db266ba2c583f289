package org.cloak.deid.script;

import java.util.List;
import org.cloak.deid.DeidConfig;

/**
 * A script compiled into the engine's model: its passes (one unless a statement reads what an
 * earlier one wrote), each with the gates that hold a file back (reject, pixel rules,
 * quarantine) and the rules.
 *
 * @param name the file name, for origins and messages
 * @param warnings what {@code recipe explain} should say about it: unkeyed hashes that anyone
 *     can recompute, what the script leaves untouched
 * @param deviations where Cloak's result differs from the original tool's, by construct used
 */
public record CompiledScript(String name, ScriptFormat format, List<DeidConfig.Stage> stages, List<String> warnings,
                             List<String> deviations) {
    public CompiledScript {
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        deviations = List.copyOf(deviations);
    }
}
