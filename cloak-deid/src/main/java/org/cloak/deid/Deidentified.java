package org.cloak.deid;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;

/**
 * One object after {@link Deidentification#deidentify}: the outcome, the changes, the plan it
 * was made with (null when planning failed) and the transfer syntax the output keeps.
 */
public record Deidentified(Outcome outcome, List<AuditEvent> events, PatientPlan plan, TransferSyntax transferSyntax) {

    /** The engine's part, as the pipeline's records keep it. */
    public DeidResult result() { return new DeidResult(outcome, events); }

    /** Whether there is an output to write. */
    public boolean cleaned() { return outcome instanceof Outcome.Cleaned; }

    /** The de-identified data set; only when {@link #cleaned()}. */
    public DataSet dataset() { return ((Outcome.Cleaned) outcome).dataset(); }

    /**
     * Writes the output as a Part 10 file (new file meta, the input's transfer syntax) to any
     * channel: a file, a socket, a buffer in memory.
     */
    public void writeTo(WritableByteChannel ch) throws IOException {
        DicomWriter.write(new DataSet(), dataset(), transferSyntax, ch);
    }
}
