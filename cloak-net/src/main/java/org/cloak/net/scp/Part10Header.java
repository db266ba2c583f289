package org.cloak.net.scp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.FileMeta;
import org.cloak.dicom.io.TransferSyntax;

/**
 * The bytes a Part 10 file starts with (PS3.10 7.1): 128-byte preamble, "DICM" and the File
 * Meta Information of a received instance, built by the codec's {@link FileMeta} with the
 * requestor as Source and Sending AE and this node as Receiving AE.
 */
public final class Part10Header {
    private Part10Header() {}

    /** Preamble, prefix and meta group (Explicit VR Little Endian) for a received instance. */
    public static byte[] encode(StoreRequest request) {
        DataSet original = new DataSet();
        original.setString(Tag.SourceApplicationEntityTitle, Vr.AE, request.association().callingAeTitle());
        original.setString(Tag.SendingApplicationEntityTitle, Vr.AE, request.association().callingAeTitle());
        original.setString(Tag.ReceivingApplicationEntityTitle, Vr.AE, request.association().calledAeTitle());
        DataSet uids = new DataSet();
        uids.setString(Tag.SOPClassUID, Vr.UI, request.sopClassUid());
        uids.setString(Tag.SOPInstanceUID, Vr.UI, request.sopInstanceUid());
        DataSet built = FileMeta.build(original, uids, TransferSyntax.of(request.transferSyntaxUid()));
        DataSet meta = new DataSet();
        meta.put(Tag.FileMetaInformationGroupLength, Vr.UL, new Bytes(new byte[4])); // computed by the writer
        for (Element e : built) {
            meta.put(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(new byte[128]);
        out.writeBytes(new byte[] {'D', 'I', 'C', 'M'});
        try (WritableByteChannel ch = Channels.newChannel(out)) {
            DicomWriter.writeDataSet(meta, TransferSyntax.EXPLICIT_LE, ch);
        } catch (IOException e) {
            throw new IllegalStateException("writing the file meta to memory failed", e);
        }
        return out.toByteArray();
    }
}
