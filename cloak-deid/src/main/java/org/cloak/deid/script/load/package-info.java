/**
 * The entry of the script importers: a script in any of the languages, recognised by its
 * content or named, compiled by that language's importer; and the lookup table format.
 *
 * <pre>{@code
 * CompiledScript s = Scripts.compile("project.das", text, null, ScriptInputs.none());
 * Map<String, String> table = Scripts.parseLookup("lookup.properties", tableText);
 * }</pre>
 */
package org.cloak.deid.script.load;
