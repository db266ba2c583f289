package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DICOM sends with dcmtk's storescu: by the project's AE title, routed by comments, or unassigned. */
@Timeout(300)
class DicomEntryTest {
    @TempDir
    Path tmp;

    private static void storescu(TestServer s, String calledAe, List<Path> files) {
        List<String> args = new ArrayList<>(List.of("-aet", "MODALITY", "-aec", calledAe, "127.0.0.1",
                Integer.toString(s.dicomPort())));
        files.forEach(f -> args.add(f.toString()));
        Oracles.Result r = Oracles.run("storescu", null, args);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static JsonNode awaitArchived(TestServer s, String admin, String project) {
        try {
            return awaitArchived0(s, admin, project);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; jobs: " + s.get("/api/v1/jobs", admin).text(), e);
        }
    }

    private static JsonNode awaitArchived0(TestServer s, String admin, String project) {
        return TestServer.await(() -> s.get("/api/v1/projects/" + project + "/sessions", admin).json(),
                a -> a.size() == 1 && a.get(0).get("state").asText().equals("archived")
                        && a.get(0).at("/qc/verifyPassed").isBoolean(), Duration.ofSeconds(60)).get(0);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSendToTheProjectsAeTitleIsArchivedDeidentified(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", ArchiveFlowTest.RECIPE_A);
            storescu(s, "ALPHA", Studies.study(tmp.resolve("in"), 1, 3, null));
            JsonNode session = awaitArchived(s, admin, "alpha");
            assertThat(session.get("files").asInt()).isEqualTo(3);
            assertThat(session.get("subject").asText()).startsWith("A-");
            List<Path> stored = Studies.dicomFiles(s.data().resolve("archive/alpha"));
            assertThat(stored).hasSize(3);
            assertThat(Oracles.dcmdump(stored.get(0))).contains(session.get("subject").asText())
                    .doesNotContain(Studies.NAME, Studies.ID);
            JsonNode audit = s.get("/api/v1/audit", admin).json();
            assertThat(audit.findValuesAsText("action")).contains("receive");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void commentsRouteASendToTheServersAeTitleAndOtherDataWaitsUnassigned(Backend backend) throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), backend)) {
            String admin = s.adminToken();
            s.project(admin, "beta", "BETA", null);
            storescu(s, "CLOAK", Studies.study(tmp.resolve("routed"), 1, 2,
                    "Project: beta Subject: SUBJ01 Session: MR1"));
            JsonNode session = awaitArchived(s, admin, "beta");
            assertThat(session.get("subject").asText()).isEqualTo("SUBJ01");
            assertThat(session.get("label").asText()).isEqualTo("MR1");
            List<Path> stored = Studies.dicomFiles(s.data().resolve("archive/beta/SUBJ01/MR1"));
            assertThat(stored).hasSize(2);
            assertThat(Oracles.dcmdump(stored.get(0))).contains("(0010,0010) PN [SUBJ01]", "(0020,0010) SH [MR1]")
                    .doesNotContain(Studies.NAME);

            storescu(s, "CLOAK", Studies.study(tmp.resolve("lost"), 2, 2, null));
            JsonNode unassigned = TestServer.await(() -> s.get("/api/v1/unassigned", admin).json(),
                    a -> a.size() == 1 && a.get(0).get("state").asText().equals("prearchive"), Duration.ofSeconds(60));
            assertThat(unassigned.get(0).get("files").asInt()).isEqualTo(2);
            assertThat(Studies.dicomFiles(s.data().resolve("prearchive/_unassigned"))).hasSize(2);
            // an administrator assigns it: the project's recipe is applied on the way into its archive
            long id = unassigned.get(0).get("id").asLong();
            JsonNode job = s.post("/api/v1/unassigned/" + id + "/assign", admin, java.util.Map.of("project", "beta"))
                    .json();
            assertThat(s.awaitJob(admin, job.get("id").asLong()).get("state").asText()).isEqualTo("done");
            assertThat(s.get("/api/v1/unassigned", admin).json()).isEmpty();
            assertThat(s.get("/api/v1/projects/beta/sessions", admin).json()).hasSize(2);
            assertThat(Studies.dicomFiles(s.data().resolve("prearchive/_unassigned"))).isEmpty();
        }
    }
}
