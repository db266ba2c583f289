/**
 * Files that were not written, kept under neutral names with the reason.
 *
 * <pre>{@code
 * Quarantine q = Quarantine.in(out);                  // OUT.originals/quarantine
 * String name = q.put(item, "Burned In Annotation is YES");
 * }</pre>
 */
package org.cloak.pipeline.quarantine;
