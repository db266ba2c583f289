package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pixel.PixelCoverage;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;

/**
 * The engine: a chain of steps over one data set — the burned-in gate, the compiled header
 * rules (every attribute, at every depth), an optional pixel step, and the markers (PS3.15
 * E.1.1 / E.3). Thread-safe: one instance serves all workers.
 */
public final class Deidentifier {
    private final DeidConfig config;
    private final List<DeidStep> steps;

    public Deidentifier(DeidConfig config) {
        this(config, null);
    }

    private Deidentifier(DeidConfig config, DeidStep pixels) {
        this.config = config;
        List<DeidStep> chain = new ArrayList<>(4);
        chain.add(new BurnedInGate(config.allowBurnedIn(), pixels instanceof PixelCoverage c ? c : null));
        chain.add(new HeaderRules(config));
        if (pixels != null) {
            chain.add(pixels);
        }
        chain.add(new MarkerStep(config));
        this.steps = List.copyOf(chain);
    }

    /**
     * This engine with a pixel step between the header rules and the markers. A step that is
     * also a {@link PixelCoverage} lets the burned-in gate pass the images it cleans.
     */
    public Deidentifier withPixelStep(DeidStep pixels) {
        return new Deidentifier(config, pixels);
    }

    public DeidConfig config() { return config; }

    /** The steps in the order they run. */
    public List<DeidStep> steps() { return steps; }

    /**
     * De-identifies {@code original} (left unchanged) for a patient whose pseudonyms are
     * already planned.
     */
    public DeidResult deidentify(DataSet original, PatientPlan plan) {
        return deidentify(original, plan, null);
    }

    /**
     * As {@link #deidentify(DataSet, PatientPlan)} for a data set encoded in
     * {@code transferSyntaxUid} (null when not known), which the pixel step needs to decode frames.
     */
    public DeidResult deidentify(DataSet original, PatientPlan plan, String transferSyntaxUid) {
        List<AuditEvent> events = new ArrayList<>(64); // a typical header gives some 40 changes
        StepContext ctx = new StepContext(original, plan, events, transferSyntaxUid);
        for (DeidStep step : steps) {
            Outcome end = step.apply(ctx);
            if (end != null) {
                return new DeidResult(end, end instanceof Outcome.Quarantined ? List.of() : events);
            }
        }
        return new DeidResult(new Outcome.Cleaned(ctx.output()), events);
    }
}
