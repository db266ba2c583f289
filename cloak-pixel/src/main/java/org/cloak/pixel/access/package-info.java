/**
 * The entry point to pixel data whatever the transfer syntax, and the codec registry that says
 * which syntaxes can be decoded and, for the others, why not.
 *
 * <pre>{@code
 * PixelCodecs codecs = PixelCodecs.standard();
 * if (codecs.lookup(tsUid) instanceof CodecLookup.Unsupported u) { quarantine(u.reason(), u.detail()); }
 * PixelData.open(dataSet, tsUid, codecs).rewrite(cleaner, ValueSink.toFile(temp), outputDataSet);
 * }</pre>
 */
package org.cloak.pixel.access;
