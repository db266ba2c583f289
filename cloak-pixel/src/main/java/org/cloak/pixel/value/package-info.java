/**
 * Reading parts of values in memory or left in their file, and the sink that rewritten pixel
 * data is written to.
 *
 * <pre>{@code
 * byte[] frame = ValueBytes.read(pixelData.value(), n * frameLength, frameLength);
 * try (ValueSink sink = ValueSink.toFile(tempFile)) { sink.write(frame); }
 * }</pre>
 */
package org.cloak.pixel.value;
