package org.cloak.deid;

import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.audit.AuditEvent;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.deid.pseudo.PlanSource;
import org.cloak.deid.pseudo.PseudonymException;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.dicom.io.DicomFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * De-identifies one object, whatever it came from: a file, bytes in memory, an instance
 * received over the network, an upload. Built once per run (or per project on a server) from
 * the compiled rules, the project secret and a clock (see
 * {@code org.cloak.deid.recipe.Recipes#prepare}), then used by every worker: it plans the
 * object's pseudonyms from its header and {@link Origin}, runs the engine's chain of steps and
 * hands back what to write. Never throws for a problem of the data: every object ends as an
 * {@link Outcome}. Thread-safe.
 */
public final class Deidentification {
    private static final Logger LOG = LoggerFactory.getLogger(Deidentification.class);

    private final Deidentifier engine;
    private final PlanSource plans;
    private final PseudonymPlanner planner;

    private Deidentification(Deidentifier engine, PlanSource plans, PseudonymPlanner planner) {
        this.engine = engine;
        this.plans = plans;
        this.planner = planner;
    }

    /**
     * An engine and a plan source already built (tests, or a front end with its own planning);
     * {@link #planner()} is then null.
     */
    public static Deidentification of(Deidentifier engine, PlanSource plans) {
        return new Deidentification(engine, plans, plans instanceof PseudonymPlanner p ? p : null);
    }

    public Deidentifier engine() { return engine; }

    /** The planner: what it decided goes into the re-identification vault. */
    public PseudonymPlanner planner() { return planner; }

    /**
     * This de-identification asking {@code plans} for each object's plan (a per-study cache in front of the planner,
     * say).
     */
    public Deidentification withPlans(PlanSource cache) {
        return new Deidentification(engine, cache, planner);
    }

    /** This de-identification with a pixel step in the engine's chain. */
    public Deidentification withPixelStep(DeidStep pixels) {
        return new Deidentification(engine.withPixelStep(pixels), plans, planner);
    }

    /** De-identifies {@code object} (left unchanged). */
    public Deidentified deidentify(DicomFile object, Origin origin) {
        PatientPlan plan = null;
        try {
            plan = plans.planFor(object.dataset(), origin);
            DeidResult r = engine.deidentify(object.dataset(), plan, object.transferSyntax().uid());
            return new Deidentified(r.outcome(), withRepairs(r.events(), object), plan, object.transferSyntax());
        } catch (PseudonymException e) {
            return held(Outcome.Reason.PSEUDONYMS, "pseudonyms could not be planned: " + e.getMessage(), null, object);
        } catch (RuntimeException e) {
            // the message could quote a value, so only the kind of failure is kept
            LOG.warn("M-QUARANTINE engine failure {}", e.getClass().getName());
            return held(Outcome.Reason.ENGINE_FAILURE, "de-identification failed: " + e.getClass().getName(), plan,
                    object);
        }
    }

    /** The reader's repairs (a duplicated element dropped) go in the audit with the engine's changes. */
    private static List<AuditEvent> withRepairs(List<AuditEvent> events, DicomFile object) {
        if (object.repairs().isEmpty()) {
            return events;
        }
        List<AuditEvent> all = new ArrayList<>(events);
        for (String repair : object.repairs()) {
            all.add(new AuditEvent("", "", AuditEvent.Change.REMOVED, "repair", "read: " + repair, null, null));
        }
        return all;
    }

    private static Deidentified held(Outcome.Reason kind, String reason, PatientPlan plan, DicomFile object) {
        return new Deidentified(new Outcome.Quarantined(kind, reason), List.of(), plan, object.transferSyntax());
    }

    /**
     * Collects what planning needs (a discovery, when the ID strategy or the time points need
     * one) and builds the {@link Deidentification}.
     */
    public static final class Preparation {
        private final DeidConfig config;
        private final PseudonymPlanner.Builder planning;

        public Preparation(DeidConfig config, PseudonymPlanner.Builder planning) {
            this.config = config;
            this.planning = planning;
        }

        public DeidConfig config() { return config; }

        /** Whether every input must be observed (and merged in) before the first object is de-identified. */
        public boolean needsDiscovery() { return planning.needsDiscovery(); }

        /** Adds observations of a discovery pass; thread-safe. */
        public Preparation merge(Discovery observed) {
            planning.merge(observed);
            return this;
        }

        /** Ends discovery: numbers are given now. */
        public Deidentification build() {
            PseudonymPlanner p = planning.build();
            return new Deidentification(new Deidentifier(config), p, p);
        }
    }
}
