/**
 * The pixel checks of {@code cloak verify}: OCR of cleaned outputs for the patient's identifiers,
 * and the proof that cleaning changed nothing but the areas it blanked.
 */
package org.cloak.pixel.verify;
