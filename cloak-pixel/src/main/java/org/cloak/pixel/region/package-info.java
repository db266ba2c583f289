/**
 * Region cleaning: rectangles filled with black (or a given value) in one frame or in every
 * frame, for burned-in annotation removal.
 *
 * <pre>{@code
 * long[] black = Black.of(format, dataSet);
 * Redaction.fill(frame, new Region(0, 0, 400, 40), black);           // one frame
 * frames.rewrite(new RegionCleaner(List.of(new Region(-200, 0, 200, 60)), black), sink); // all frames
 * }</pre>
 */
package org.cloak.pixel.region;
