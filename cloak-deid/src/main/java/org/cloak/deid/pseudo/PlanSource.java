package org.cloak.deid.pseudo;

import org.cloak.dicom.data.DataSet;

/** Where the plan for one input comes from: the planner itself, or a cache in front of it. */
@FunctionalInterface
public interface PlanSource {
    PatientPlan planFor(DataSet original, Origin origin);
}
