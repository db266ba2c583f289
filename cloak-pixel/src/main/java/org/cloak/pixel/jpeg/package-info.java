/**
 * JPEG Lossless (ITU T.81 Annex H, processes 14 and 14 SV1): a decoder for every predictor and
 * an encoder with predictor 1, both written here (no image library decodes lossless JPEG).
 *
 * <pre>{@code
 * FrameCodec jpeg = new JpegLosslessCodec(Uid.JPEGLosslessSV1);
 * Frame frame = jpeg.decode(encodedFrame, PixelFormat.of(dataSet));
 * byte[] again = jpeg.encode(frame);
 * }</pre>
 */
package org.cloak.pixel.jpeg;
