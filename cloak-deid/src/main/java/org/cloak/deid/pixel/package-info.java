/**
 * The pixel rule model as data: region rules keyed on header conditions, the OCR mode and
 * scope. The engine holds it without any image library; the pixel step of cloak-pixel carries
 * it out, and the burned-in gate asks it (as a {@link org.cloak.deid.pixel.PixelCoverage})
 * whether a suspect image is cleaned or quarantined.
 *
 * <pre>{@code
 * PixelPolicy policy = recipe.pixels();
 * boolean cleaned = policy.covers(original);           // a rule matches or OCR redacts
 * List<PixelRule> rules = policy.matching(original);   // their regions are blanked in every frame
 * }</pre>
 */
package org.cloak.deid.pixel;
