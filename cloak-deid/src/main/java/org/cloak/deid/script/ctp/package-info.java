/**
 * RSNA CTP scripts: the DicomAnonymizer script (XML and properties forms, every function of
 * CTP's anonymizer, its global switches and processing order) and the DicomFilter expression
 * language, compiled into the engine's rules and gates, with CTP's own hash algorithms.
 *
 * <pre>{@code
 * CompiledScript s = CtpScripts.compile("DICOM-PS3.15-Basic", xml, ScriptInputs.none());
 * Condition ct = CtpScripts.filter("filter.script", "Modality.equals(\"CT\")");
 * }</pre>
 */
package org.cloak.deid.script.ctp;
