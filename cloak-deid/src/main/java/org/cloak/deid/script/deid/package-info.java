/**
 * pydicom deid recipes ({@code FORMAT dicom}) compiled into the rule model: {@code %header}
 * actions in deid's order and with its precedence, the FIELD forms and expanders,
 * {@code %values}/{@code %fields} groups, {@code var:} and deid's own {@code deid_func:}
 * functions, and {@code %filter} groups as gates. A construct Cloak cannot run as deid does is a
 * {@link org.cloak.deid.script.ScriptException} naming file, line, column and construct.
 *
 * <pre>{@code
 * CompiledScript s = DeidRecipes.compile("deid.dicom", text, ScriptInputs.none());
 * Recipe r = Recipe.ofScripts(List.of(s), "dicom-basic");
 * }</pre>
 */
package org.cloak.deid.script.deid;
