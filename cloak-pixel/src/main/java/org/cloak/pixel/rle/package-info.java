/**
 * RLE Lossless (PS3.5 Annex G): decoder and encoder of one frame.
 *
 * <pre>{@code
 * FrameCodec rle = new RleCodec();
 * Frame frame = rle.decode(fragmentBytes, PixelFormat.of(dataSet));
 * byte[] again = rle.encode(frame);
 * }</pre>
 */
package org.cloak.pixel.rle;
