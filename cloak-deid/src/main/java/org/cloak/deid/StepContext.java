package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;

/**
 * What the steps of one de-identification share: the original (never changed), the plan, the
 * output being built (null until the header rules ran), the audit events so far, the transfer
 * syntax the data set is encoded in, and the method codes a step adds for what it did (the
 * pixel step's Clean Pixel Data), which the markers write.
 */
public final class StepContext {
    private final DataSet original;
    private final PatientPlan plan;
    private final List<AuditEvent> events;
    private final String transferSyntaxUid;
    private final List<DeidConfig.MethodCode> addedCodes = new ArrayList<>(1);
    private DataSet output;

    StepContext(DataSet original, PatientPlan plan, List<AuditEvent> events) {
        this(original, plan, events, null);
    }

    StepContext(DataSet original, PatientPlan plan, List<AuditEvent> events, String transferSyntaxUid) {
        this.original = original;
        this.plan = plan;
        this.events = events;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public DataSet original() { return original; }

    public PatientPlan plan() { return plan; }

    /** The de-identified data set so far, or null before the header rules. */
    public DataSet output() { return output; }

    public void output(DataSet ds) { this.output = ds; }

    /** The audit events; a step adds its own. */
    public List<AuditEvent> events() { return events; }

    /** The transfer syntax of the original (and of the output), or null when the caller did not say. */
    public String transferSyntaxUid() { return transferSyntaxUid; }

    /** Adds a CID 7050 code to De-identification Method Code Sequence, once. */
    public void addMethodCode(DeidConfig.MethodCode code) {
        if (!addedCodes.contains(code)) {
            addedCodes.add(code);
        }
    }

    /** The codes steps added, in order. */
    public List<DeidConfig.MethodCode> addedMethodCodes() { return List.copyOf(addedCodes); }
}
