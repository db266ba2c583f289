/**
 * Pixel data access: the pixel description of a data set ({@link org.cloak.pixel.PixelFormat}),
 * decoded frames ({@link org.cloak.pixel.Frame}) and the editor that a rewrite passes them to.
 * Depends on the codec only; image libraries are used in this module and nowhere else.
 *
 * <pre>{@code
 * NativeFrames frames = NativeFrames.of(dataSet);
 * Frame first = frames.read(0);
 * Value cleaned = frames.rewrite(new RegionCleaner(regions, Black.of(frames.format(), dataSet)), ValueSink.inMemory());
 * }</pre>
 */
package org.cloak.pixel;
