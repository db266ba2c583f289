/**
 * Where outputs go, and the checks that keep a run from reading its own output or overwriting
 * its input.
 *
 * <pre>{@code
 * PathChecks.requireOutputOutsideInputs(inputs, out);
 * Path target = new MirrorLayout(out).target(item); // OUT/<path relative to its input folder>
 * }</pre>
 */
package org.cloak.pipeline.layout;
