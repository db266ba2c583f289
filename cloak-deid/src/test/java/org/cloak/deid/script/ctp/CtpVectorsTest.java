package org.cloak.deid.script.ctp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * CTP's algorithms against an independent implementation of them written from CTP's published
 * sources: {@code ctp_functions.py} in the test resources, run with the system's python3
 * (Debian's, which CI installs), its input and output UTF-8 JSON lines. A missing python3
 * fails the test rather than skipping it.
 */
class CtpVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the arguments sent to the Python script, and the same computed here. */
    private record Vector(List<Object> call, Function<List<Object>, String> java) {}

    private static Vector v(Function<List<Object>, String> java, Object... call) {
        return new Vector(List.of(call), java);
    }

    private static String s(List<Object> a, int i) { return (String) a.get(i); }

    private static int n(List<Object> a, int i) { return (Integer) a.get(i); }

    private static final List<Vector> VECTORS = List.of(
            v(a -> Algorithms.hash(s(a, 1), n(a, 2)), "hash", "PID-0001", 10),
            v(a -> Algorithms.hash(s(a, 1), n(a, 2)), "hash", "ACC-1", 16),
            v(a -> Algorithms.hash(s(a, 1), n(a, 2)), "hash", "", 0),
            v(a -> Algorithms.hash(s(a, 1), n(a, 2)), "hash", "ÄÖÜ é 患者", 12),
            v(a -> Algorithms.hashUid(s(a, 1), s(a, 2)), "hashuid", "1.3.6.1.4.1.14519.5.2.1.9999.9999", "1.2.3.4"),
            v(a -> Algorithms.hashUid(s(a, 1), s(a, 2)), "hashuid", "1.2.3.",
                    "1.2.840.113619.2.55.3.604688119.969.1268071029.320"),
            v(a -> Algorithms.hashUid(s(a, 1), s(a, 2)), "hashuid", "", "2.25.123"),
            v(a -> Algorithms.hashUid(s(a, 1), s(a, 2)), "hashuid",
                    "1.2.826.0.1.3680043.10.999.123456789012345678901234567", "1.2.3.4.5"),
            v(a -> Algorithms.hashPtId(s(a, 1), s(a, 2), n(a, 3)), "hashptid", "SITE01", "PID-0001", 2147483647),
            v(a -> Algorithms.hashPtId(s(a, 1), s(a, 2), n(a, 3)), "hashptid", " 7 ", " 12345 ", 8),
            v(a -> Algorithms.hashName(s(a, 1), n(a, 2), n(a, 3)), "hashname", "Doe^Jane^Q.", 6, 2),
            v(a -> Algorithms.hashName(s(a, 1), n(a, 2), n(a, 3)), "hashname", "O'Brien, Pat^Jo Ann", 4, 0),
            v(a -> Algorithms.initials(s(a, 1)), "initials", "DOE^JANE^QUINCY"),
            v(a -> Algorithms.initials(s(a, 1)), "initials", "doe"),
            v(a -> Algorithms.initials(s(a, 1)), "initials", "  "),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "027Y", 5),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "062Y", 10),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "37", 5),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "012M", 3),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "028Y", 5),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "075Y", 10),
            v(a -> Algorithms.round(s(a, 1), n(a, 2)), "round", "", 5),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "20100430", -137),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "20000301", -1),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "19991231", 3210),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "2010.04.30", 5),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "20100430120000", 5),
            v(a -> Algorithms.incrementDate(s(a, 1), n(a, 2)), "incrementdate", "00100105", 1),
            v(a -> Algorithms.modifyDate(s(a, 1), n(a, 2), n(a, 3), n(a, 4)), "modifydate", "20100430", -1, 1, 1),
            v(a -> Algorithms.modifyDate(s(a, 1), n(a, 2), n(a, 3), n(a, 4)), "modifydate", "20200131", 2021, 2, -1),
            v(a -> Algorithms.modifyDate(s(a, 1), n(a, 2), n(a, 3), n(a, 4)), "modifydate", "20201231", -1, 13, 40),
            v(a -> Algorithms.incrementDate(s(a, 1), Algorithms.hashDateIncrement(s(a, 2))), "hashdate", "20100430",
                    "PID-0001"),
            v(a -> Algorithms.incrementDate(s(a, 1), Algorithms.hashDateIncrement(s(a, 2))), "hashdate", "19700101",
                    "ÄÖÜ"),
            v(a -> Base64.getEncoder().encodeToString(Algorithms.encryptionKey(s(a, 1))), "key", "secret"),
            v(a -> encrypt(s(a, 1), s(a, 2)), "encrypt", "PID-0001", "secret"),
            v(a -> encrypt(s(a, 1), s(a, 2)), "encrypt", "DOE^JANE ÄÖÜ, a longer value", "a-long key: with more"),
            v(a -> Base64.getEncoder().encodeToString(Algorithms.encryptionKey(s(a, 1))), "key",
                    "a-long key: with punctuation and more than 22 base64 characters"));

    @Test
    void everyAlgorithmMatchesTheReferenceScript() throws Exception {
        List<String> expected = python(VECTORS.stream().map(Vector::call).toList());
        assertThat(expected).hasSize(VECTORS.size());
        for (int i = 0; i < VECTORS.size(); i++) {
            Vector vec = VECTORS.get(i);
            assertThat(vec.java().apply(vec.call())).as(vec.call().toString()).isEqualTo(expected.get(i));
        }
    }

    private static String encrypt(String v, String key) {
        try {
            return Algorithms.encrypt(v, key);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePythonBlowfishGivesThePublishedTestVector() throws Exception {
        // Eric Young's Blowfish test vectors (Schneier's reference page): key 0000000000000000,
        // plaintext 0000000000000000, ciphertext 4EF997456198DD78; checks the oracle's tables of pi
        assertThat(python(List.of(List.of("blowfish-zero-block")))).containsExactly("4EF997456198DD78");
    }

    /** Runs ctp_functions.py over the calls; its results, one a call. */
    static List<String> python(List<List<Object>> calls) throws Exception {
        Path script = script();
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        StringBuilder in = new StringBuilder();
        for (List<Object> c : calls) {
            in.append(JSON.writeValueAsString(c)).append('\n');
        }
        try (var os = p.getOutputStream()) {
            os.write(in.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> results = new ArrayList<>();
        for (String line : out.lines().toList()) {
            results.add(JSON.readValue(line, String.class));
        }
        return results;
    }

    private static Path script() throws URISyntaxException {
        return Path.of(CtpVectorsTest.class.getResource("ctp_functions.py").toURI());
    }
}
