package org.cloak.net.scu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.UidRegistry;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.NetException;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.PresentationContext;
import org.cloak.net.dimse.Command;
import org.cloak.net.dimse.CommandField;
import org.cloak.net.dimse.DimseChannel;
import org.cloak.net.dimse.PdvOutputStream;
import org.cloak.net.dimse.Status;
import org.cloak.net.pdu.AAbort;
import org.cloak.net.scu.StoreResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the files of one batch over one association, one C-STORE at a time. */
final class BatchSender {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
    private static final int BUFFER = 64 * 1024;

    private final Association association;
    private final DimseChannel channel;
    private final ContextPlan plan;
    private final OrderedReport report;
    private int messageId;

    BatchSender(Association association, ContextPlan plan, OrderedReport report) {
        this.association = association;
        this.channel = new DimseChannel(association);
        this.plan = plan;
        this.report = report;
    }

    /**
     * Sends {@code batch} from index {@code from}; returns the index to go on from on a new
     * association (the batch size when every file has a result).
     */
    int send(List<SourceFile> batch, int from) {
        int i = from;
        try {
            for (; i < batch.size(); i++) {
                SourceFile s = batch.get(i);
                PresentationContext pc = choose(s);
                if (pc == null) {
                    UidRegistry uids = UidRegistry.standard();
                    report.add(s.index(),
                            StoreResult.failed(s.path(), null, "the peer accepted no presentation context for "
                            + uids.nameOf(s.sopClassUid()) + " in " + uids.nameOf(s.transferSyntaxUid())));
                    continue;
                }
                if (!store(s, pc)) {
                    return i + 1; // the association was aborted mid-message: the rest go on a new one
                }
            }
        } catch (IOException | NetException e) {
            association.close();
            // this file fails with the cause; the untried ones go on a new association
            String reason = "association failed: " + e.getMessage();
            LOG.info("{} while sending file {} of the batch; the rest go on a new association", reason, i + 1);
            report.add(batch.get(i).index(), StoreResult.failed(batch.get(i).path(), null, reason));
            return i + 1;
        }
        try {
            association.release();
        } catch (IOException | NetException e) {
            LOG.warn("releasing the association failed after every file had its response: {}", e.getMessage());
            association.close();
        }
        return batch.size();
    }

    /** The accepted context in the file's own syntax, else the accepted fallback (transcoded). */
    private PresentationContext choose(SourceFile s) {
        PresentationContext own = association.context(plan.primary(s));
        if (own != null && own.accepted()) {
            return own;
        }
        PresentationContext fallback = association.context(plan.fallback(s));
        return fallback != null && fallback.accepted() ? fallback : null;
    }

    /** One C-STORE; false when the data set could not be completed and the association was aborted. */
    private boolean store(SourceFile s, PresentationContext pc) throws IOException {
        boolean transcode = !pc.transferSyntax().equals(s.transferSyntaxUid());
        DataSet decoded = null;
        if (transcode) {
            try {
                decoded = DicomReader.read(s.path()).dataset();
            } catch (IOException e) {
                report.add(s.index(), StoreResult.failed(s.path(), null, "could not read the file: " + e.getMessage()));
                return true;
            }
        }
        int id = ++messageId;
        channel.writeCommand(pc.id(),
                Command.storeRq(id, s.sopClassUid(), s.sopInstanceUid(), Command.PRIORITY_MEDIUM));
        PdvOutputStream out = channel.openDataSetWriter(pc.id());
        try {
            if (transcode) {
                DicomWriter.writeDataSet(decoded, TransferSyntax.of(pc.transferSyntax()), Channels.newChannel(out));
            } else {
                copy(s, out);
            }
        } catch (IOException e) {
            // a data set cannot be cut short in PS3.8: only an abort ends the message
            association.abort(AAbort.user());
            report.add(s.index(), StoreResult.failed(s.path(), null, "could not send the data set: " + e.getMessage()));
            return false;
        }
        out.close();
        Command rsp = Requestor.awaitResponse(channel, CommandField.C_STORE_RSP, id);
        Status st = rsp.status();
        Outcome outcome = st.isSuccess() ? Outcome.SENT : st.isWarning() ? Outcome.WARNING : Outcome.FAILED;
        report.add(s.index(), new StoreResult(s.path(), outcome, st, outcome == Outcome.FAILED ? "refused by the peer: "
                + st.describe() : null, out.count()));
        return true;
    }

    private static void copy(SourceFile s, PdvOutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ)) {
            ch.position(s.dataSetOffset());
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            while (ch.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
        }
    }
}
