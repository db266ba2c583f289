package org.cloak.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cloak.server.Backend;
import org.cloak.server.Studies;
import org.cloak.server.TestServer;
import org.cloak.server.api.Access;
import org.cloak.server.api.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page route, as the router lists it, is checked like the API's routes: anonymous callers
 * are sent to the sign-in page (GET) or refused (POST), a member of project A is answered 404 or
 * 403 for everything of project B, and a form posted with the session cookie but without the
 * CSRF token is refused.
 */
class WebAuthorizationTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Login(String cookie, String csrf) {}

    private Login login(TestServer s, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Login(set.substring(0, set.indexOf(';')), new ObjectMapper().readTree(r.body()).get("csrf")
                .asText());
    }

    private HttpResponse<String> send(TestServer s, String method, String path, Login who, String form)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path));
        if (who != null) {
            b.header("Cookie", who.cookie());
        }
        if (method.equals("POST")) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageChecksWhoIsCallingAsTheApiDoes() throws Exception {
        try (TestServer s = TestServer.start(tmp, Backend.H2)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            s.project(admin, "beta", "BETA", null);
            assertThat(s.post("/api/v1/users", admin, Map.of("username", "amy", "password", "amy-password-123"))
                    .status()).isEqualTo(201);
            assertThat(s.put("/api/v1/projects/alpha/members/amy", admin, Map.of("roles", List.of("owner", "broker")))
                    .status()).isEqualTo(204);
            TestServer.Response up = s.send("POST", "/api/v1/projects/beta/uploads", admin, "application/zip",
                    Studies.zip(Studies.study(tmp.resolve("in"), 1, 1, null)));
            long job = up.json().get("id").asLong();
            s.awaitJob(admin, job);
            JsonNode session = s.get("/api/v1/projects/beta/sessions", admin).json().get(0);
            String sop = Studies.dicomFiles(s.data().resolve("archive")).get(0).getFileName().toString()
                    .replace(".dcm", "");
            Login amy = login(s, "amy", "amy-password-123");
            List<Api.Route> routes = s.server().api().pageRoutes();
            assertThat(routes).hasSizeGreaterThan(30);
            int checked = 0;
            for (Api.Route r : routes) {
                Access access = (Access) r.roles().iterator().next();
                String path = r.path().replace("{id}", "beta").replace("{session}", session.get("id").asText())
                        .replace("{job}", Long.toString(job)).replace("{sop}", sop).replace("{file}", "app.css");
                if (access == Access.PUBLIC) {
                    // (the sign-in post needs its form's token: checked on its own below)
                    if (r.method().equals("GET")) {
                        assertThat(send(s, r.method(), path, null, "").statusCode()).as(r.toString())
                                .isNotIn(401, 403);
                    }
                    continue;
                }
                HttpResponse<String> anon = send(s, r.method(), path, null, "");
                if (r.method().equals("GET")) {
                    assertThat(anon.statusCode()).as("anonymous " + r).isEqualTo(303);
                    assertThat(anon.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
                } else {
                    assertThat(anon.statusCode()).as("anonymous " + r).isEqualTo(401);
                }
                boolean aboutB = r.path().contains("{");
                if (access == Access.USER && !aboutB) {
                    continue; // lists and sign-out: their content is checked in the browser
                }
                HttpResponse<String> member = send(s, r.method(), path, amy, "_csrf=" + amy.csrf());
                assertThat(member.statusCode()).as("member of alpha: " + r).isIn(403, 404);
                assertThat(member.body()).as(r.toString()).doesNotContain(session.get("subject").asText());
                checked++;
            }
            assertThat(checked).isGreaterThan(20);

            // a form of amy's own project, posted without the token, is refused before it runs
            HttpResponse<String> noToken = send(s, "POST", "/projects/alpha/vault", amy, "lookup=PID-0001");
            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(noToken.body()).contains("CSRF");
            assertThat(send(s, "POST", "/projects/alpha/vault", amy, "lookup=PID-0001&_csrf=" + amy.csrf())
                    .statusCode()).isEqualTo(200);
            assertThat(s.get("/api/v1/audit", admin).json().findValuesAsText("action")).contains("vault-lookup");
        }
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsOwnToken() throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), Backend.H2)) {
            HttpResponse<String> r = send(s, "POST", "/login", null, "username=admin&password="
                    + TestServer.ADMIN_PASSWORD);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Api.SESSION_COOKIE + "="));
            HttpResponse<String> form = send(s, "GET", "/login", null, "");
            String set = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cloak_login="))
                    .findFirst().orElseThrow();
            assertThat(set).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String token = set.substring("cloak_login=".length(), set.indexOf(';'));
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/login"))
                    .header("Cookie", "cloak_login=" + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=admin&password="
                            + TestServer.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(303);
            String session = ok.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(Api.SESSION_COOKIE + "=")).findFirst().orElseThrow();
            assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Max-Age=");
        }
    }
}
