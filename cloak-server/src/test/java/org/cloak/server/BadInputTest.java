package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each bad input gets a clear problem+json error or a reason, and the rest of the batch is stored. */
@Timeout(300)
class BadInputTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void badFilesInABatchGetReasonsAndTheRestIsStored(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            List<Path> good = Studies.study(tmp.resolve("in"), 1, 3, null);
            byte[] whole = Files.readAllBytes(good.get(0));
            Path truncated = Files.write(tmp.resolve("DOE_truncated.dcm"), Arrays.copyOf(whole, 400));
            byte[] zip = Studies.zip(List.of(good.get(0), good.get(1), good.get(2), truncated), "DOE^JANE/notes.txt",
                    "this is not DICOM".getBytes());
            TestServer.Response r = s.send("POST", "/api/v1/projects/alpha/uploads", admin, "application/zip", zip);
            JsonNode job = s.awaitJob(admin, r.json().get("id").asLong());
            assertThat(job.get("state").asText()).isEqualTo("done");
            assertThat(job.get("stored").asInt()).isEqualTo(3);
            assertThat(job.get("quarantined").asInt() + job.get("rejected").asInt()).isEqualTo(2);
            assertThat(job.get("problems").findValuesAsText("reason")).anyMatch(x -> x.contains("not a DICOM"))
                    .allMatch(x -> !x.isBlank() && !x.contains("DOE"));
            JsonNode quarantine = s.get("/api/v1/projects/alpha/quarantine", admin).json();
            for (JsonNode q : quarantine) {
                Path file = s.data().resolve("quarantine/alpha/" + q.get("name").asText() + ".enc");
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("DOE^JANE", "PID-0001");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void malformedOversizeUnknownAndBadRecipeRequestsAreProblems(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend, Map.of("--uploads-max-bytes", "200000"))) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            TestServer.Response notZip = s.send("POST", "/api/v1/projects/alpha/uploads", admin, "application/zip",
                    "hello".getBytes());
            assertProblem(notZip, 400, "not a zip");
            byte[] zip = Studies.zip(Studies.study(tmp.resolve("in"), 1, 2, null));
            byte[] cut = Arrays.copyOf(zip, zip.length - 300);
            TestServer.Response damaged = s.send("POST", "/api/v1/projects/alpha/uploads", admin, "application/zip",
                    cut);
            JsonNode job = s.awaitJob(admin, damaged.json().get("id").asLong());
            assertThat(job.get("state").asText()).isEqualTo("done");
            assertThat(job.get("stored").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(job.get("problems").findValuesAsText("reason")).anyMatch(x -> x.contains("damaged"));
            TestServer.Response big = s.send("POST", "/api/v1/projects/alpha/uploads", admin, "application/zip",
                    new byte[300_000]);
            assertProblem(big, 413, "limit");
            assertProblem(s.send("POST", "/api/v1/projects/nope/uploads", admin, "application/zip", zip), 404, "nope");
            assertProblem(s.send("POST", "/api/v1/projects/alpha/uploads", admin, "text/plain", zip), 415, "zip");
            assertProblem(s.post("/api/v1/projects", admin, Map.of("id", "gamma", "aeTitle", "GAMMA",
                    "recipe", "profile: no-such-profile\n")), 400, "line 1");
            assertProblem(s.post("/api/v1/projects", admin, Map.of("id", "../x", "aeTitle", "X")), 400, "project ID");
            assertProblem(s.post("/api/v1/projects", admin, Map.of("id", "delta", "aeTitle", "D", "colour", "red")),
                    400, "unknown field");
        }
    }

    private static void assertProblem(TestServer.Response r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.type()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(detail);
    }
}
