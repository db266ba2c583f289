package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files without PatientID are never one shared patient: each study stands for its own patient. */
class MissingPatientIdTest {
    private static final Secret SECRET = new Secret(new byte[32]);

    private static PatientPlan plan(PseudonymPlanner p, String patientId, String study) {
        return p.planFor(Inputs.header(patientId, study, "20200101"), Origin.ofFile(Path.of("/in"), Path.of("a.dcm")));
    }

    @Test
    void hashedIdsKeepUnrelatedFilesWithoutAnIdApart() {
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.deterministic("S", "", 8), Inputs.shift(-100, -10),
                SECRET).build();
        PatientPlan sr = plan(p, null, "2.25.1");
        PatientPlan rtPlan = plan(p, "", "2.25.2");
        PatientPlan sameStudy = plan(p, null, "2.25.1");
        assertThat(sr.newPatientId()).isNotEqualTo(rtPlan.newPatientId());
        assertThat(sameStudy.newPatientId()).isEqualTo(sr.newPatientId());
        // nor does a missing ID take the pseudonym or the date offset of a real one
        PatientPlan real = plan(p, "PID-1", "2.25.3");
        assertThat(real.newPatientId()).isNotIn(sr.newPatientId(), rtPlan.newPatientId());
        assertThat(p.idMap()).containsKey("PID-1").hasSize(3);
    }

    @Test
    void sequentialNumbersGiveEachStudyWithoutAnIdItsOwnNumber() {
        PseudonymPlanner.Builder b = PseudonymPlanner.builder(Inputs.sequential("all"), Inputs.dates("keep"), SECRET);
        for (String study : new String[] {"2.25.1", "2.25.2"}) {
            b.observe(Inputs.header(null, study, "20200101"), Origin.ofFile(Path.of("/in"), Path.of(study + ".dcm")));
        }
        PseudonymPlanner p = b.build();
        assertThat(plan(p, null, "2.25.1").newPatientId()).isNotEqualTo(plan(p, null, "2.25.2").newPatientId());
    }

    @Test
    void keepingIdsKeepsTheEmptyId() {
        PseudonymPlanner p = PseudonymPlanner.builder(Inputs.ids("NONE"), Inputs.dates("keep"), SECRET).build();
        assertThat(plan(p, null, "2.25.1").newPatientId()).isEmpty();
    }
}
