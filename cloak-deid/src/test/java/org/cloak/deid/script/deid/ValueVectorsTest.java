package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.dict.Vr;
import org.junit.jupiter.api.Test;

/**
 * deid's deterministic values against {@code deid_values.py} in the test resources, an independent
 * implementation of deid's and pydicom's published algorithms, run with Debian's python3 (which
 * also checks each UID against pydicom's own generate_uid when python3-pydicom is installed). A
 * missing python3 fails the test rather than skipping it.
 */
class ValueVectorsTest {
    private static final List<String[]> UIDS = List.of(
            new String[] {"1.2.826.0.1.3680043.8.498.", "loremipsum"},
            new String[] {"2.25.", "1.2.840.113619.2.55.3.604688119.969.1268071029.320"},
            new String[] {"2.25.", "1.2.3.4"},
            new String[] {"99999.", "1.3.46.670589.11.5730.5.0.3224.2010071913175879000"},
            new String[] {"2.25.", "['1.2.3', '1.2.4']"},
            new String[] {"2.25.", ""},
            new String[] {"1.2.3.", "ÄÖÜ"});
    private static final List<String[]> JITTERS = List.of(
            new String[] {"DA", "20200228", "2"}, new String[] {"DA", "20200101", "-1"},
            new String[] {"DA", "19991231", "366"},
            new String[] {"DT", "20200101123000.123456+0100", "-3"}, new String[] {"DT", "20200101123000", "31"},
            new String[] {"DT", "20200101", "1"}, new String[] {"DT", "20201231235959.5", "1"});

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static List<String> reference(List<String> requests) throws IOException, InterruptedException,
            URISyntaxException {
        Path script = Path.of(ValueVectorsTest.class.getResource("deid_values.py").toURI());
        Process p = new ProcessBuilder(python(), script.toString()).start();
        try (var in = p.getOutputStream()) {
            in.write((String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out + err).isZero();
        return out.lines().toList();
    }

    @Test
    void pydicomGenerateUidMatchesTheReference() throws Exception {
        List<String> requests = new ArrayList<>();
        UIDS.forEach(u -> requests.add("uid\t" + u[0] + "\t" + u[1]));
        List<String> expected = reference(requests);
        assertThat(expected).hasSize(UIDS.size());
        for (int i = 0; i < UIDS.size(); i++) {
            assertThat(DeidFunctions.generateUid(UIDS.get(i)[0], UIDS.get(i)[1])).as(UIDS.get(i)[1])
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void pydicomsDocumentedExample() {
        // pydicom/uid.py generate_uid docstring: generate_uid(entropy_srcs=['lorem', 'ipsum'])
        assertThat(DeidFunctions.generateUid("1.2.826.0.1.3680043.8.498.", "lorem" + "ipsum"))
                .isEqualTo("1.2.826.0.1.3680043.8.498.87507166259346337659265156363895084463");
    }

    @Test
    void jitterMatchesTheReference() throws Exception {
        List<String> requests = new ArrayList<>();
        JITTERS.forEach(j -> requests.add("jitter\t" + j[0] + "\t" + j[1] + "\t" + j[2]));
        List<String> expected = reference(requests);
        assertThat(expected).hasSize(JITTERS.size());
        for (int i = 0; i < JITTERS.size(); i++) {
            String[] j = JITTERS.get(i);
            assertThat(DeidFunctions.jitter(j[1], Vr.valueOf(j[0]), Integer.parseInt(j[2]))).as(j[1])
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void severalValuesReadAsPythonsListForm() {
        // deid's pydicom_uuid hashes str(field.element.value); for a MultiValue that is the list form
        assertThat(DeidFunctions.pythonText("1.2.3\\1.2.4")).isEqualTo("['1.2.3', '1.2.4']");
        assertThat(DeidFunctions.pythonText("1.2.3")).isEqualTo("1.2.3");
    }
}
