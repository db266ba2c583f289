package org.cloak.dicom.io;

import java.util.List;
import org.cloak.dicom.data.DataSet;

/**
 * A parsed DICOM file: its file meta information (empty when the file had none), the data set
 * and the transfer syntax the data set is encoded in.
 *
 * @param source name of the file for messages
 * @param transferSyntaxGuessed true when the file meta did not say and the reader inferred it
 * @param repairs what the reader repaired to read the file, as dcmtk does (a duplicated element:
 *     the first is kept), each naming the tag, never a value
 */
public record DicomFile(DataSet fileMeta, DataSet dataset, TransferSyntax transferSyntax, String source,
                        boolean transferSyntaxGuessed, List<String> repairs) {
    public DicomFile {
        repairs = List.copyOf(repairs);
    }

    /** A file read or made without repairs. */
    public DicomFile(DataSet fileMeta, DataSet dataset, TransferSyntax transferSyntax, String source,
                     boolean transferSyntaxGuessed) {
        this(fileMeta, dataset, transferSyntax, source, transferSyntaxGuessed, List.of());
    }
}
