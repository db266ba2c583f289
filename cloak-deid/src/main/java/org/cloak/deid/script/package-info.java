/**
 * Script importers: DicomEdit, CTP DicomAnonymizer and deid scripts compiled into the engine's
 * one rule model, so a site keeps the scripts it has. {@link org.cloak.deid.script.load.Scripts} is
 * the entry; a construct that cannot be run exactly is a {@link org.cloak.deid.script.ScriptException}
 * with file, line and column when the script is loaded.
 *
 * <pre>{@code
 * CompiledScript s = Scripts.compile("project.das", text, null, ScriptInputs.none());
 * Recipe r = Recipe.ofScripts(List.of(s), "dicom-basic");   // base profile as a safety net
 * Deidentification d = Recipes.prepare(r, secret, clock, false).build();
 * }</pre>
 */
package org.cloak.deid.script;
