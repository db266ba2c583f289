/**
 * Where an attribute is and how rules reach other attributes: the {@link org.cloak.deid.rule.path.Scope}
 * of the item being walked, and {@link org.cloak.deid.rule.path.AttributeRef}s that conditions and
 * computed values read from the original data set.
 *
 * <pre>{@code
 * AttributeRef.Step firstRequest = new AttributeRef.Step(ElementKey.of(Tag.RequestAttributesSequence), 0);
 * AttributeRef spsId = new AttributeRef(false, List.of(firstRequest), ElementKey.of(Tag.ScheduledProcedureStepID));
 * String id = spsId.text(Scope.top(original));
 * }</pre>
 */
package org.cloak.deid.rule.path;
