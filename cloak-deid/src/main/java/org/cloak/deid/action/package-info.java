/**
 * What a rule does to an attribute: the standard's codes (D, Z, X, K, C, U), the user actions,
 * and {@link org.cloak.deid.action.Derive}, which writes a value built from other attributes'
 * original values ({@link org.cloak.deid.action.ValueExpr}).
 *
 * <pre>{@code
 * ValueExpr year = new ValueExpr.Substring(new ValueExpr.Read(AttributeRef.of(Tag.StudyDate)), 0, 4);
 * Action idAndYear = new Derive(new ValueExpr.Concat(List.of(
 *         new ValueExpr.Read(AttributeRef.of(Tag.PatientID)), new ValueExpr.Literal("-"), year)));
 * }</pre>
 */
package org.cloak.deid.action;
