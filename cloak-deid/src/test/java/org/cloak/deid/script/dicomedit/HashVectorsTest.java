package org.cloak.deid.script.dicomedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * hashUID against an independent implementation of DicomEdit's published algorithm:
 * {@code hashuid.py} in the test resources, run with the system's python3 (Debian's, which CI
 * installs). A missing python3 fails the test rather than skipping it.
 */
class HashVectorsTest {
    private static final List<String> VALUES = List.of("1.2.3.4", "1.2.840.113619.2.55.3.604688119.969.1268071029.320",
            "", "foo", "2.25.123", "1.3.46.670589.11.5730.5.0.3224.2010071913175879000", "DOE^JANE", "ÄÖÜ");

    @Test
    void hashUidMatchesTheReferenceScript() throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(HashVectorsTest.class.getResource("hashuid.py").toURI());
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            // one value a line, in UTF-8 whatever the locale
            in.write((String.join("\n", VALUES) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> expected = out.lines().toList();
        assertThat(expected).hasSize(VALUES.size());
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(Functions.hashUid(VALUES.get(i))).as(VALUES.get(i)).isEqualTo(expected.get(i));
        }
    }
}
