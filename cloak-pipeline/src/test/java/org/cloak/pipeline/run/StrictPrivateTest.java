package org.cloak.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cloak.deid.profile.ProfileOption;
import org.cloak.deid.profile.SafePrivate;
import org.cloak.deid.recipe.Recipe;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Tags;
import org.cloak.dicom.dict.Vr;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class StrictPrivateTest {
    private static Recipe recipe(Set<ProfileOption> options, List<String> keep) {
        Recipe d = Recipe.defaults();
        return new Recipe(d.profile(), options, d.categories(), d.patientId(), d.dates(), d.overrides(), keep, false);
    }

    @Test
    void aCreatorTheRecipeDoesNotKeepIsRefusedByName() {
        DataSet ds = Fixtures.ct().build();
        assertThat(StrictPrivate.of(recipe(Set.of(), List.of())).refuse(ds))
                .isEqualTo("unknown private creator 'ACME 1.0' (strict private)");
    }

    @Test
    void aCreatorInKeepPrivateCreatorsIsAccepted() {
        DataSet ds = Fixtures.ct().build();
        assertThat(StrictPrivate.of(recipe(Set.of(), List.of(" ACME 1.0 "))).refuse(ds)).isNull();
    }

    @Test
    void safePrivateCreatorsAreKnownOnlyWithRetainSafePrivate() {
        String safe = SafePrivate.attributes().get(0).creator();
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        ds.setString(Tags.of(SafePrivate.attributes().get(0).group(), 0x0010), Vr.LO, safe);
        assertThat(StrictPrivate.of(recipe(EnumSet.of(ProfileOption.RETAIN_SAFE_PRIVATE), List.of())).refuse(ds))
                .isNull();
        assertThat(StrictPrivate.of(recipe(Set.of(), List.of())).refuse(ds))
                .isEqualTo("unknown private creator '" + safe + "' (strict private)");
    }

    @Test
    void aPrivateBlockInsideASequenceItemIsFound() {
        DataSet ds = new DataSet();
        DataSet item = ds.newItem();
        item.setString(Tags.of(0x0029, 0x0010), Vr.LO, "VENDOR X");
        Sequence seq = new Sequence();
        seq.add(item);
        ds.put(Tag.ReferencedPatientSequence, Vr.SQ, seq);
        assertThat(StrictPrivate.of(recipe(Set.of(), List.of())).refuse(ds))
                .isEqualTo("unknown private creator 'VENDOR X' (strict private)");
    }

    @Test
    void aFileWithoutPrivateDataPasses() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, Vr.PN, "DOE^JANE");
        assertThat(StrictPrivate.of(recipe(Set.of(), List.of())).refuse(ds)).isNull();
    }
}
