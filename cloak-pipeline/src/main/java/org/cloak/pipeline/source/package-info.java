/**
 * Inputs of a run: files and folders walked in a stable order, and the test telling DICOM
 * files from others.
 *
 * <pre>{@code
 * for (InputItem item : InputSource.list(List.of(Path.of("study")))) {
 *     boolean dicom = DicomSniffer.isDicom(item.file());
 * }
 * }</pre>
 */
package org.cloak.pipeline.source;
