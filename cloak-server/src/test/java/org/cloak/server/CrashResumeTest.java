package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a 2,000-file upload job resumes it at restart,
 * and every file ends stored exactly once: 2,000 files on disk, one per instance, each with the
 * checksum the database recorded for it.
 */
@Timeout(600)
class CrashResumeTest {
    private static final int FILES = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKilledUploadJobResumesAndStoresEveryFileExactlyOnce() throws Exception {
        Path data = tmp.resolve("server");
        Path pw = Files.writeString(tmp.resolve("pw"), TestServer.ADMIN_PASSWORD + "\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process p = start(data, pw, port);
        try {
            awaitHealthy(base);
            String token = JSON.readTree(post(base + "/api/v1/auth/token", null, "application/json",
                    JSON.writeValueAsBytes(Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))))
                    .get("token").asText();
            post(base + "/api/v1/projects", token, "application/json",
                    JSON.writeValueAsBytes(Map.of("id", "alpha", "aeTitle", "ALPHA")));
            long job = JSON.readTree(post(base + "/api/v1/projects/alpha/uploads", token, "application/zip", zip()))
                    .get("id").asLong();
            TestServer.await(() -> get(base + "/api/v1/jobs/" + job, token), j -> j.get("done").asInt() >= 150,
                    Duration.ofSeconds(120));
            p.destroyForcibly().waitFor();
            int before = get0(data);
            assertThat(before).as("files stored before the kill").isBetween(150, FILES - 1);

            p = start(data, pw, port);
            awaitHealthy(base);
            JsonNode done = TestServer.await(() -> get(base + "/api/v1/jobs/" + job, token),
                    j -> j.get("state").asText().equals("done"), Duration.ofSeconds(300));
            assertThat(done.get("stored").asInt()).isEqualTo(FILES);
            assertThat(done.get("done").asInt()).isEqualTo(FILES);
            JsonNode sessions = get(base + "/api/v1/projects/alpha/sessions", token);
            int sum = 0;
            for (JsonNode s : sessions) {
                sum += s.get("files").asInt();
            }
            assertThat(sum).isEqualTo(FILES);
        } finally {
            p.destroy();
            p.waitFor();
        }
        Map<String, String> onDisk = new HashMap<>();
        for (Path f : Studies.dicomFiles(data.resolve("archive/alpha"))) {
            String sop = f.getFileName().toString().replace(".dcm", "");
            assertThat(onDisk.put(sop, sha256(f))).as("one file per instance").isNull();
        }
        assertThat(onDisk).hasSize(FILES);
        Map<String, String> recorded = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/cloak")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT sop_uid, sha256 FROM session_files")) {
            while (rs.next()) {
                assertThat(recorded.put(rs.getString(1), rs.getString(2))).isNull();
            }
        }
        assertThat(recorded).isEqualTo(onDisk);
    }

    private static int get0(Path data) throws IOException {
        return Studies.dicomFiles(data.resolve("archive/alpha")).size();
    }

    private Process start(Path data, Path pw, int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.cloak.server.ServerMain", "--data", data.toString(), "--http-port", Integer.toString(port),
                "--dicom-enabled", "false", "--admin-password-file", pw.toString(), "--demo", "false",
                "--jobs-workers", "1");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile())
                .start();
    }

    private void awaitHealthy(String base) {
        TestServer.await(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }, st -> st == 200, Duration.ofSeconds(60));
    }

    private JsonNode get(String url, String token) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            return JSON.createObjectNode().put("done", 0).put("state", "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private byte[] post(String url, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isBetween(200, 299);
        return r.body();
    }

    /** 2,000 small instances in 20 studies. */
    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (int i = 0; i < FILES; i++) {
                DataSet ds = Fixtures.ct().patientName("DOE^JANE").patientId("PID-" + (i % 20)).study(1 + i % 20)
                        .series(1).instance(1 + i).rows(8).columns(8).withoutSequences().build();
                z.putNextEntry(new ZipEntry("batch/" + i + ".dcm"));
                z.write(DicomWriter.toBytes(new org.cloak.dicom.io.DicomFile(new DataSet(), ds,
                        TransferSyntax.EXPLICIT_LE, "mem", false)));
                z.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
