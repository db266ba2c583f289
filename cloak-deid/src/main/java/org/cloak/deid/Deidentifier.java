package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.clean.DescriptorCleaner;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;

/**
 * The engine: turns one data set into its de-identified form by running the compiled rule
 * model over every attribute, at every depth, then marks the result (PS3.15 E.1.1 / E.3).
 * Thread-safe: one instance serves all workers.
 */
public final class Deidentifier {
    private final DeidConfig config;
    private final Markers markers;

    public Deidentifier(DeidConfig config) {
        this.config = config;
        this.markers = new Markers(config);
    }

    public DeidConfig config() { return config; }

    /**
     * De-identifies {@code original} (left unchanged) for a patient whose pseudonyms are
     * already planned.
     */
    public DeidResult deidentify(DataSet original, PatientPlan plan) {
        if (!config.allowBurnedIn()) {
            String reason = BurnedInCheck.reason(original);
            if (reason != null) {
                return new DeidResult(new Outcome.Quarantined(reason + " (use --allow-burned-in to write it)"), List.of());
            }
        }
        List<AuditEvent> events = new ArrayList<>(64); // a typical header gives some 40 changes
        EngineContext ctx = new EngineContext(config, plan, DescriptorCleaner.forDataSet(original));
        DataSet out = new RuleWalker(config, ctx, original, events).walk();
        markers.apply(out, plan, events);
        return new DeidResult(new Outcome.Cleaned(new DataSet(), out), events);
    }
}
