package org.cloak.pipeline.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cloak.dicom.data.DataSet;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class IdentifyingNamesTest {
    private static final DataSet JANE = Fixtures.ct().patientName("DOE^JANE").patientId("PID-4711").build();

    @Test
    void mirrorCopiesEveryNameAndMirrorRenamedAllButTheTopFolder() {
        IdentifyingNames mirror = new IdentifyingNames(new LayoutSpec.Mirror());
        mirror.observe(Path.of("DOE_JANE_DEMO-0001/1.dcm"), JANE);
        mirror.observe(Path.of("study/jane-doe.dcm"), JANE);
        mirror.observe(Path.of("study/PID-4711/1.dcm"), JANE);
        mirror.observe(Path.of("study/series1/1.dcm"), JANE);
        assertThat(mirror.count()).isEqualTo(3);

        IdentifyingNames renamed = new IdentifyingNames(new LayoutSpec.MirrorRenamed());
        renamed.observe(Path.of("DOE_JANE/CT/1.dcm"), JANE); // the top folder becomes the new PatientID
        renamed.observe(Path.of("export/DOE_JANE/1.dcm"), JANE);
        assertThat(renamed.count()).isEqualTo(1);

        IdentifyingNames template = new IdentifyingNames(LayoutSpec.standard());
        template.observe(Path.of("DOE_JANE/1.dcm"), JANE);
        assertThat(template.count()).isZero();
    }
}
