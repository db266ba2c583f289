package org.cloak.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.cloak.server.config.ConfigLoader;
import org.cloak.server.config.ServerConfig;

/** A real server on free ports in a temporary data directory, and an HTTP client for it. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;
    private final Backend backend;
    private final String dbUrl;
    private final Map<String, String> extra;
    private CloakServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(Path data, Backend backend, Map<String, String> extra) {
        this.data = data;
        this.backend = backend;
        this.dbUrl = backend.freshDatabase();
        this.extra = extra;
    }

    public static TestServer start(Path dir, Backend backend) throws IOException {
        return start(dir, backend, Map.of());
    }

    /** @param extra further flags ({@code --sessions-quiet-seconds}, ...) */
    public static TestServer start(Path dir, Backend backend, Map<String, String> extra) throws IOException {
        TestServer t = new TestServer(dir, backend, extra);
        t.boot();
        return t;
    }

    /** The flags a test server runs with. */
    public Map<String, String> flags() throws IOException {
        Path pw = data.resolve("admin.pw");
        if (!Files.exists(pw)) {
            Files.createDirectories(data);
            Files.writeString(pw, ADMIN_PASSWORD + "\n");
        }
        Map<String, String> f = new HashMap<>();
        f.put("--data", data.resolve("server").toString());
        f.put("--http-port", "0");
        f.put("--dicom-port", "0");
        f.put("--admin-password-file", pw.toString());
        f.put("--demo", "false");
        f.put("--sessions-quiet-seconds", "1");
        if (dbUrl != null) {
            f.put("--database-url", dbUrl);
            f.put("--database-user", Backend.pgUser());
        }
        f.putAll(extra);
        return f;
    }

    /** The environment of a test server (the PostgreSQL password). */
    public Map<String, String> env() {
        return Map.of("CLOAK_DATABASE_PASSWORD", Backend.pgPassword());
    }

    private void boot() throws IOException {
        ServerConfig c = ConfigLoader.load(null, Map.of(), flags());
        server = CloakServer.start(c, env());
    }

    /** Stops and starts again on the same data and database. */
    public void restart() throws IOException {
        server.close();
        boot();
    }

    public CloakServer server() { return server; }

    public Path data() { return data.resolve("server"); }

    public String dbUrl() { return dbUrl; }

    public Backend backend() { return backend; }

    public String base() { return "http://127.0.0.1:" + server.httpPort(); }

    public int dicomPort() { return server.dicomPort(); }

    /** A response: status, content type and body. */
    public record Response(int status, String type, byte[] body) {
        public String text() { return new String(body, java.nio.charset.StandardCharsets.UTF_8); }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }
    }

    public Response send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response post(String path, String token, Object json) {
        try {
            return send("POST", path, token, "application/json", JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response put(String path, String token, Object json) {
        try {
            return send("PUT", path, token, "application/json", JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** An API token for a user. */
    public String token(String user, String password) {
        Response r = post("/api/v1/auth/token", null, Map.of("username", user, "password", password));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("token").asText();
    }

    public String adminToken() {
        return token("admin", ADMIN_PASSWORD);
    }

    /** Creates a project (archive directly) with a recipe, as the admin. */
    public void project(String admin, String id, String aet, String recipe) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "aeTitle", aet));
        if (recipe != null) {
            body.put("recipe", recipe);
        }
        Response r = post("/api/v1/projects", admin, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** Polls a job until it has finished; returns it. */
    public JsonNode awaitJob(String token, long job) {
        return await(() -> get("/api/v1/jobs/" + job, token).json(),
                j -> j.path("state").asText().matches("done|failed|cancelled"), Duration.ofSeconds(180));
    }

    /** Polls until {@code done} holds. */
    public static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = probe.get();
        }
        return last;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        Backend.drop(dbUrl);
    }
}
