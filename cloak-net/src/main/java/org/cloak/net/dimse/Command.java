package org.cloak.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.dict.Vr;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/**
 * A DIMSE command set (PS3.7 Section 9.3 and 6.3.1): group 0000 elements, always encoded in
 * Implicit VR Little Endian, led by Command Group Length (0000,0000).
 */
public final class Command {
    /** Command Data Set Type (0000,0800) value meaning "no data set follows". */
    public static final int NO_DATA_SET = 0x0101;
    /** The value this node sends when a data set follows (any value but 0101H). */
    public static final int DATA_SET_PRESENT = 0x0000;
    public static final int PRIORITY_MEDIUM = 0x0000;

    private final DataSet dataSet;

    private Command(DataSet dataSet) {
        this.dataSet = dataSet;
    }

    /** Decodes a command set received in command PDVs. */
    public static Command decode(byte[] encoded) throws IOException {
        DataSet ds = DicomReader.readDataSet(encoded, TransferSyntax.IMPLICIT_LE, "DIMSE command");
        if (ds.get(Tag.CommandField) == null) {
            throw new IOException("Could not read DIMSE command: Command Field (0000,0100) is missing");
        }
        return new Command(ds);
    }

    /** C-ECHO-RQ (PS3.7 9.3.5.1). */
    public static Command echoRq(int messageId) {
        DataSet ds = base(Uid.Verification, CommandField.C_ECHO_RQ);
        ds.setInts(Tag.MessageID, Vr.US, messageId);
        ds.setInts(Tag.CommandDataSetType, Vr.US, NO_DATA_SET);
        return new Command(ds);
    }

    /** C-STORE-RQ (PS3.7 9.3.1.1); the data set follows. */
    public static Command storeRq(int messageId, String sopClassUid, String sopInstanceUid, int priority) {
        DataSet ds = base(sopClassUid, CommandField.C_STORE_RQ);
        ds.setInts(Tag.MessageID, Vr.US, messageId);
        ds.setInts(Tag.Priority, Vr.US, priority);
        ds.setInts(Tag.CommandDataSetType, Vr.US, DATA_SET_PRESENT);
        ds.setString(Tag.AffectedSOPInstanceUID, Vr.UI, sopInstanceUid);
        return new Command(ds);
    }

    /** The response to a request (C-ECHO-RSP, C-STORE-RSP, ...): no data set, the given status. */
    public static Command responseTo(Command rq, Status status) {
        DataSet ds = base(rq.affectedSopClassUid() == null ? "" : rq.affectedSopClassUid(),
                rq.commandField() | CommandField.RESPONSE_BIT);
        ds.setInts(Tag.MessageIDBeingRespondedTo, Vr.US, rq.messageId());
        ds.setInts(Tag.CommandDataSetType, Vr.US, NO_DATA_SET);
        ds.setInts(Tag.Status, Vr.US, status.code());
        if (status.errorComment() != null && !status.isSuccess()) {
            ds.setString(Tag.ErrorComment, Vr.LO, status.errorComment());
        }
        if (rq.affectedSopInstanceUid() != null) {
            ds.setString(Tag.AffectedSOPInstanceUID, Vr.UI, rq.affectedSopInstanceUid());
        }
        return new Command(ds);
    }

    private static DataSet base(String sopClassUid, int field) {
        DataSet ds = new DataSet();
        ds.put(Tag.CommandGroupLength, Vr.UL, new Bytes(new byte[4])); // value computed by the writer
        ds.setString(Tag.AffectedSOPClassUID, Vr.UI, sopClassUid);
        ds.setInts(Tag.CommandField, Vr.US, field);
        return ds;
    }

    /** The command set in Implicit VR Little Endian, Command Group Length computed. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (WritableByteChannel ch = Channels.newChannel(out)) {
            DicomWriter.writeDataSet(dataSet, TransferSyntax.IMPLICIT_LE, ch);
        } catch (IOException e) {
            throw new IllegalStateException("writing a command to memory failed", e);
        }
        return out.toByteArray();
    }

    public int commandField() { return dataSet.getInt(Tag.CommandField, -1); }

    public int messageId() { return dataSet.getInt(Tag.MessageID, -1); }

    public int messageIdBeingRespondedTo() { return dataSet.getInt(Tag.MessageIDBeingRespondedTo, -1); }

    public String affectedSopClassUid() { return dataSet.getString(Tag.AffectedSOPClassUID); }

    public String affectedSopInstanceUid() { return dataSet.getString(Tag.AffectedSOPInstanceUID); }

    public int priority() { return dataSet.getInt(Tag.Priority, PRIORITY_MEDIUM); }

    /** Whether a data set follows this command (Command Data Set Type other than 0101H). */
    public boolean hasDataSet() { return dataSet.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET; }

    /** The Status of a response, with its Error Comment; null for a request. */
    public Status status() {
        int code = dataSet.getInt(Tag.Status, -1);
        return code < 0 ? null : new Status(code, dataSet.getString(Tag.ErrorComment));
    }

    /** The command's elements (read-only use). */
    public DataSet dataSet() { return dataSet; }

    @Override
    public String toString() {
        return CommandField.name(commandField()) + "[id=" + (CommandField.isResponse(commandField())
                ? messageIdBeingRespondedTo() : messageId()) + "]";
    }
}
