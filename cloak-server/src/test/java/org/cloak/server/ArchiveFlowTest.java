package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Data entering a project over REST: de-identified with the project's recipe, grouped into sessions. */
@Timeout(300)
class ArchiveFlowTest {
    static final String RECIPE_A = "profile: dicom-basic\npatient-id: {strategy: deterministic, prefix: A-, "
            + "width: 8}\n";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aZipUploadIsArchivedDeidentifiedWithTheProjectsPseudonym(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", RECIPE_A);
            byte[] zip = Studies.zip(Studies.study(tmp.resolve("in"), 1, 4, null));
            TestServer.Response up = s.send("POST", "/api/v1/projects/alpha/uploads", admin, "application/zip", zip);
            assertThat(up.status()).as(up.text()).isEqualTo(202);
            assertThat(up.json().get("state").asText()).isIn("queued", "running", "done");
            JsonNode job = s.awaitJob(admin, up.json().get("id").asLong());
            assertThat(job.get("state").asText()).isEqualTo("done");
            assertThat(job.get("stored").asInt()).isEqualTo(4);
            assertThat(job.get("done").asInt()).isEqualTo(4);

            JsonNode sessions = s.get("/api/v1/projects/alpha/sessions", admin).json();
            assertThat(sessions).hasSize(1);
            JsonNode session = sessions.get(0);
            assertThat(session.get("state").asText()).isEqualTo("archived");
            assertThat(session.get("files").asInt()).isEqualTo(4);
            assertThat(session.get("subject").asText()).startsWith("A-");
            assertThat(session.at("/recipeVersions/project").asInt()).isEqualTo(1);
            assertThat(session.at("/qc/verifyPassed").isBoolean()).isTrue();

            List<Path> stored = Studies.dicomFiles(s.data().resolve("archive/alpha"));
            assertThat(stored).hasSize(4);
            String dump = Oracles.dcmdump(stored.get(0));
            assertThat(dump).contains("[" + session.get("subject").asText() + "]").doesNotContain("DOE", "PID-0001");
            try (var walk = Files.walk(s.data())) {
                assertThat(walk.map(Path::toString)).noneMatch(p -> p.contains("DOE") || p.contains("PID-0001"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void recipesAreVersionedAndABadOneIsRefusedWithItsLine(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            TestServer.Response bad = s.post("/api/v1/projects/alpha/recipes", admin,
                    Map.of("body", "profile: dicom-basic\nprofil: x\n", "comment", "typo"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.type()).startsWith("application/problem+json");
            assertThat(bad.json().get("detail").asText()).contains("2").contains("profil");
            TestServer.Response ok = s.post("/api/v1/projects/alpha/recipes", admin,
                    Map.of("body", RECIPE_A, "comment", "prefix A"));
            assertThat(ok.status()).as(ok.text()).isEqualTo(201);
            assertThat(ok.json().get("version").asInt()).isEqualTo(2);
            JsonNode history = s.get("/api/v1/projects/alpha/recipes", admin).json();
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("author").asText()).isEqualTo("admin");
            assertThat(s.get("/api/v1/projects/alpha/recipes/2", admin).json().get("body").asText())
                    .isEqualTo(RECIPE_A);
            assertThat(s.get("/api/v1/site/recipes", admin).json()).hasSize(1);
            TestServer.Response seq = s.post("/api/v1/projects/alpha/recipes", admin,
                    Map.of("body", "profile: dicom-basic\npatient-id: {strategy: sequential}\n"));
            assertThat(seq.status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void usersProjectsAndTheAuditTrail(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            assertThat(s.get("/api/v1/health", null).status()).isEqualTo(200);
            assertThat(s.get("/api/v1/ready", null).json().get("database").asText())
                    .isEqualTo(backend == Backend.H2 ? "h2" : "postgresql");
            assertThat(s.post("/api/v1/users", admin, Map.of("username", "bob", "password", "bob-password-123"))
                    .status()).isEqualTo(201);
            s.project(admin, "alpha", "ALPHA", null);
            assertThat(s.post("/api/v1/projects", admin, Map.of("id", "beta", "aeTitle", "ALPHA")).status())
                    .isEqualTo(409);
            assertThat(s.put("/api/v1/projects/alpha/members/bob", admin, Map.of("roles", List.of("member")))
                    .status()).isEqualTo(204);
            String bob = s.token("bob", "bob-password-123");
            assertThat(s.get("/api/v1/projects", bob).json()).hasSize(1);
            assertThat(s.send("PATCH", "/api/v1/projects/alpha", bob, "application/json",
                    "{\"name\":\"x\"}".getBytes()).status()).isEqualTo(403);
            assertThat(s.post("/api/v1/auth/token", null, Map.of("username", "bob", "password", "wrong-password-1"))
                    .status()).isEqualTo(401);
            JsonNode audit = s.get("/api/v1/audit", admin).json();
            assertThat(audit.findValuesAsText("action")).contains("login", "login-failed", "user-create",
                    "project-create", "role-change");
            for (int i = 0; i < 6; i++) {
                s.post("/api/v1/auth/token", null, Map.of("username", "bob", "password", "wrong-password-1"));
            }
            assertThat(s.post("/api/v1/auth/token", null, Map.of("username", "bob", "password", "bob-password-123"))
                    .status()).isEqualTo(429);
            // a restart keeps everything and does not make a second admin
            s.restart();
            assertThat(s.server().adminPassword()).isNull();
            assertThat(s.get("/api/v1/projects", admin).json()).hasSize(1);
            TestServer.await(() -> s.get("/api/v1/health", null).status(), st -> st == 200, Duration.ofSeconds(10));
        }
    }
}
