package org.cloak.dicom.io;

import org.cloak.dicom.data.DataSet;

/**
 * A parsed DICOM file: its file meta information (empty when the file had none), the data set
 * and the transfer syntax the data set is encoded in.
 *
 * @param source name of the file for messages
 * @param transferSyntaxGuessed true when the file meta did not say and the reader inferred it
 */
public record DicomFile(DataSet fileMeta, DataSet dataset, TransferSyntax transferSyntax, String source,
                        boolean transferSyntaxGuessed) {}
