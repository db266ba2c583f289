/**
 * Codecs over Java ImageIO plug-ins: JPEG Baseline and Extended (the JDK's reader and writer,
 * cleaned in the DCT domain by {@link org.cloak.pixel.jpeg.DctCleaner}) and JPEG 2000
 * (jai-imageio-jpeg2000, re-encoded losslessly).
 *
 * <pre>{@code
 * FrameCodec j2k = new Jpeg2000Codec(Uid.JPEG2000Lossless);
 * Frame frame = j2k.decode(encoded, PixelFormat.of(dataSet));
 * byte[] again = j2k.encode(frame); // lossless
 * }</pre>
 */
package org.cloak.pixel.imageio;
