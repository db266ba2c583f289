/**
 * Encapsulated pixel data (PS3.5 A.4): which fragments hold which frame, and rewrites that
 * re-encode only changed frames.
 *
 * <pre>{@code
 * EncapsulatedFrames frames = EncapsulatedFrames.of(dataSet, new RleCodec());
 * EncapsulatedPixels out = frames.rewrite(editor, ValueSink.toFile(temp));
 * out.applyTo(outputDataSet);
 * }</pre>
 */
package org.cloak.pixel.encap;
