package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Relabel and move rewrite the stored DICOM and the layout on disk. */
@Timeout(300)
class RelabelMoveTest {
    static final String RECIPE_B
            = "profile: dicom-basic\npatient-id: {strategy: deterministic, prefix: B-, width: 6}\n";

    @TempDir
    Path tmp;

    private JsonNode upload(TestServer s, String admin, String project, int study) throws Exception {
        byte[] zip = Studies.zip(Studies.study(tmp.resolve("in" + study), study, 2, null));
        TestServer.Response r = s.send("POST", "/api/v1/projects/" + project + "/uploads", admin, "application/zip",
                zip);
        assertThat(s.awaitJob(admin, r.json().get("id").asLong()).get("stored").asInt()).isEqualTo(2);
        return s.get("/api/v1/projects/" + project + "/sessions", admin).json();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void relabellingASubjectAndASessionRewritesTheDicomAndRenamesTheFolders(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", ArchiveFlowTest.RECIPE_A);
            JsonNode session = upload(s, admin, "alpha", 1).get(0);
            String oldSubject = session.get("subject").asText();
            long id = session.get("id").asLong();
            JsonNode jobs = s.post("/api/v1/projects/alpha/subjects/" + oldSubject + "/relabel", admin,
                    Map.of("label", "SUBJ-07")).json().get("jobs");
            assertThat(s.awaitJob(admin, jobs.get(0).get("id").asLong()).get("state").asText()).isEqualTo("done");
            JsonNode job = s.post("/api/v1/projects/alpha/sessions/" + id + "/relabel", admin,
                    Map.of("label", "BASELINE")).json();
            assertThat(s.awaitJob(admin, job.get("id").asLong()).get("state").asText()).isEqualTo("done");

            JsonNode now = s.get("/api/v1/projects/alpha/sessions/" + id, admin).json();
            assertThat(now.get("subject").asText()).isEqualTo("SUBJ-07");
            assertThat(now.get("label").asText()).isEqualTo("BASELINE");
            Path dir = s.data().resolve("archive/alpha/SUBJ-07/BASELINE");
            List<Path> files = Studies.dicomFiles(dir);
            assertThat(files).hasSize(2);
            assertThat(Oracles.dcmdump(files.get(0))).contains("(0010,0010) PN [SUBJ-07]", "(0010,0020) LO [SUBJ-07]",
                    "(0020,0010) SH [BASELINE]");
            assertThat(Files.exists(s.data().resolve("archive/alpha/" + oldSubject))).isFalse();
            assertThat(s.get("/api/v1/audit", admin).json().findValuesAsText("action")).contains("relabel");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMovedSessionTakesTheTargetsRecipeAndPseudonymsAndLeavesTheSource(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", ArchiveFlowTest.RECIPE_A);
            s.project(admin, "beta", "BETA", RECIPE_B);
            JsonNode session = upload(s, admin, "alpha", 1).get(0);
            assertThat(session.get("subject").asText()).startsWith("A-");
            JsonNode job = s.post("/api/v1/projects/alpha/sessions/" + session.get("id").asLong() + "/move", admin,
                    Map.of("project", "beta")).json();
            JsonNode done = s.awaitJob(admin, job.get("id").asLong());
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
            assertThat(s.get("/api/v1/projects/alpha/sessions", admin).json()).isEmpty();
            assertThat(Studies.dicomFiles(s.data().resolve("archive/alpha"))).isEmpty();
            JsonNode moved = s.get("/api/v1/projects/beta/sessions", admin).json();
            assertThat(moved).hasSize(1);
            assertThat(moved.get(0).get("subject").asText()).startsWith("B-");
            assertThat(moved.get(0).get("files").asInt()).isEqualTo(2);
            List<Path> files = Studies.dicomFiles(s.data().resolve("archive/beta"));
            assertThat(files).hasSize(2);
            String dump = Oracles.dcmdump(files.get(0));
            assertThat(dump).contains("[" + moved.get(0).get("subject").asText() + "]")
                    .doesNotContain(session.get("subject").asText(), Studies.NAME);
            assertThat(moved.get(0).get("studyInstanceUid").asText())
                    .isNotEqualTo(session.get("studyInstanceUid").asText());
        }
    }
}
