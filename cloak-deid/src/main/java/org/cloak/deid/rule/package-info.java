/**
 * The one rule model that profiles, options, categories, recipes and imported scripts compile
 * into: ordered {@link org.cloak.deid.rule.Rule}s of a {@link org.cloak.deid.rule.Selector}, a
 * {@link org.cloak.deid.rule.Condition} and an {@link org.cloak.deid.action.Action}, resolved per
 * attribute by {@link org.cloak.deid.rule.RuleSet} (the last matching rule wins).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder().addAll(Profiles.rules("dicom-basic", Set.of()))
 *         .origin("site policy").select(KeywordPattern.glob("*Comments")).then(new Remove())
 *         .build();
 * }</pre>
 */
package org.cloak.deid.rule;
