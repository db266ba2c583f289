/**
 * The named profiles (original, anonymize, anonymize-full, dicom-basic, hipaa), the PS3.15
 * Annex E options and the attribute categories, all compiled from the standard's tables
 * (PS3.15 Table E.1-1, Table E.3.10-1, PS3.16 CID 7050) into the engine's rule model.
 *
 * <pre>{@code
 * Set<ProfileOption> options = EnumSet.of(ProfileOption.RETAIN_SAFE_PRIVATE);
 * RuleSet rules = new RuleSet(Profiles.rules("dicom-basic", options));
 * Set<Integer> deviceTags = Categories.tags(Categories.DEVICE);
 * }</pre>
 */
package org.cloak.deid.profile;
