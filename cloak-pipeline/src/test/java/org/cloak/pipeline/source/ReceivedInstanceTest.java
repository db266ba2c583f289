package org.cloak.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cloak.deid.pseudo.Origin;
import org.junit.jupiter.api.Test;

class ReceivedInstanceTest {

    @Test
    void comesFromItsSenderNotFromTheSpoolFolder() {
        ReceivedInstance in = new ReceivedInstance(Path.of("/data/out.originals/spool/in-1.part"),
                Path.of("2.25.1", "2.25.2", "2.25.3.dcm"), "SCANNER");

        Origin o = in.origin();

        assertThat(o.sourceAe()).isEqualTo("SCANNER");
        assertThat(o.root()).isEqualTo("aet:SCANNER");
        assertThat(o.folders()).as("a received instance lies in no input folder").isEmpty();
        assertThat(o.root()).doesNotContain("spool");
        assertThat(in.relative()).isEqualTo(Path.of("2.25.1/2.25.2/2.25.3.dcm"));
    }
}
