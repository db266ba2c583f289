/**
 * Native (uncompressed) pixel data: the packing of one frame and the frames of a Pixel Data
 * value, read one at a time and rewritten bit-exactly outside the changed frames.
 *
 * <pre>{@code
 * NativeFrames frames = NativeFrames.of(dataSet);
 * Frame f = frames.read(frames.count() - 1);
 * byte[] packed = NativeLayout.encode(f, ByteOrder.LITTLE_ENDIAN);
 * }</pre>
 */
package org.cloak.pixel.frame;
