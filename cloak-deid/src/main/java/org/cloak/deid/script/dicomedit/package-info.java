/**
 * XNAT DicomEdit 6 (and DicomEdit 4) scripts: lexer, parser and compiler into rules, and the
 * built-in functions with DicomEdit's own algorithms.
 *
 * <pre>{@code
 * CompiledScript s = DicomEditScripts.compile("site.das", text, ScriptInputs.none());
 * s.stages();   // the passes, each with gates (reject, alterPixels) and rules
 * }</pre>
 */
package org.cloak.deid.script.dicomedit;
