package org.cloak.deid;

import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;

/**
 * What the steps of one de-identification share: the original (never changed), the plan, the
 * output being built (null until the header rules ran) and the audit events so far.
 */
public final class StepContext {
    private final DataSet original;
    private final PatientPlan plan;
    private final List<AuditEvent> events;
    private DataSet output;

    StepContext(DataSet original, PatientPlan plan, List<AuditEvent> events) {
        this.original = original;
        this.plan = plan;
        this.events = events;
    }

    public DataSet original() { return original; }

    public PatientPlan plan() { return plan; }

    /** The de-identified data set so far, or null before the header rules. */
    public DataSet output() { return output; }

    public void output(DataSet ds) { this.output = ds; }

    /** The audit events; a step adds its own. */
    public List<AuditEvent> events() { return events; }
}
