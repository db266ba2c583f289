package org.cloak.pipeline.run;

import java.nio.file.Path;
import org.cloak.deid.pseudo.PatientPlan;
import org.cloak.dicom.data.DataSet;

/**
 * The pseudonyms for one data set ({@code PseudonymPlanner::planFor}). Implementations are
 * thread-safe and deterministic.
 */
@FunctionalInterface
public interface PlanSource {
    PatientPlan planFor(DataSet original, Path inputRoot, Path relativePath);
}
