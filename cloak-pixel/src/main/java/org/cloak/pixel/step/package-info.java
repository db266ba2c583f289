/**
 * The engine's pixel step: the pixel rules of a {@link org.cloak.deid.pixel.PixelPolicy} and
 * OCR carried out on the frames of each image, in its own transfer syntax.
 *
 * <pre>{@code
 * PixelStep step = PixelStep.of(recipe.pixels());
 * Deidentification deid = Recipes.prepare(recipe, secret, clock, false).build().withPixelStep(step);
 * Deidentified out = deid.deidentify(DicomReader.read(file), origin);
 * }</pre>
 */
package org.cloak.pixel.step;
