/**
 * File writes that never leave a partial file under the final name.
 *
 * <pre>{@code
 * AtomicFiles.write(target, channel -> DicomWriter.write(meta, dataset, ts, channel));
 * AtomicFiles.copy(input, quarantineCopy);
 * }</pre>
 */
package org.cloak.pipeline.io;
