package org.cloak.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestsTest {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void givesTheStandardSha256AgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            assertThat(Digests.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        }
        assertThat(Digests.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void inputPathsHashTheSameOnEveryThread() throws Exception {
        String expected = Digests.inputPath(Path.of("P1", "CT", "IM1.dcm"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = pool.invokeAll(IntStream.range(0, 200)
                    .mapToObj(i -> (java.util.concurrent.Callable<String>) () ->
                            Digests.inputPath(Path.of("P1", "CT", "IM1.dcm")))
                    .toList());
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected).isEqualTo(Digests.sha256Hex("P1/CT/IM1.dcm".getBytes(StandardCharsets.UTF_8)));
    }
}
