package org.cloak.deid.script;

import java.util.Map;

/**
 * What a script is given besides its text, by the command line or the server.
 *
 * @param variables DicomEdit variables (XNAT's {@code project}, {@code subject}, {@code session}...)
 *     and deid {@code var:} values, by name
 * @param parameters CTP parameters ({@code @param(@NAME)}), by name without the {@code @}
 * @param lookup the lookup table: CTP's {@code keyType/value = replacement} lines, also read by
 *     DicomEdit's {@code lookup} and deid
 * @param deidRemovePrivate deid's {@code remove_private} switch
 * @param deidStripSequences deid's {@code strip_sequences} switch
 * @param keyed the original tools' unkeyed hashes (DicomEdit's hashUID, CTP's @hash family, deid's
 *     UUIDs) become Cloak's keyed ones: pseudonyms no one without the project secret can recompute,
 *     at the price of differing from the ones the original tool published
 */
public record ScriptInputs(Map<String, String> variables, Map<String, String> parameters, Map<String, String> lookup,
                           boolean deidRemovePrivate, boolean deidStripSequences, boolean keyed) {
    public ScriptInputs {
        variables = Map.copyOf(variables);
        parameters = Map.copyOf(parameters);
        lookup = Map.copyOf(lookup);
    }

    /** Nothing given. */
    public static ScriptInputs none() {
        return new ScriptInputs(Map.of(), Map.of(), Map.of(), false, false, false);
    }
}
