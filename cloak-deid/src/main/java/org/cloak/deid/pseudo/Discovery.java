package org.cloak.deid.pseudo;

import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.dicom.data.DataSet;

/**
 * What a discovery pass saw: per input, the few facts pseudonymization plans from (original
 * PatientID, study, study date, place under its input). Plain data: observations made by many
 * workers (threads, Spark tasks, server jobs) are merged, then handed to
 * {@link PseudonymPlanner.Builder#build(Discovery)}; the plans depend only on the union, never
 * on who observed what or in which order. Thread-safe.
 */
public final class Discovery implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Set<FileFacts> facts = ConcurrentHashMap.newKeySet();

    /** Records one input's header. */
    public Discovery observe(DataSet header, Origin origin) {
        facts.add(FileFacts.of(header, origin));
        return this;
    }

    /** Adds everything {@code other} saw. */
    public Discovery merge(Discovery other) {
        facts.addAll(other.facts);
        return this;
    }

    /** Distinct observations so far. */
    public int size() { return facts.size(); }

    Set<FileFacts> facts() { return facts; }
}
