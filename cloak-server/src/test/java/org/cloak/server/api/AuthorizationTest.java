package org.cloak.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the router registered, called anonymously (401 unless public) and by a member of
 * project A against project B's resources (403 or 404, never a success); and CSRF on cookie sessions.
 */
@Timeout(300)
class AuthorizationTest {
    @TempDir
    Path tmp;

    @Test
    void everyRouteChecksWhoIsCalling() throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), Backend.H2)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            s.project(admin, "beta", "BETA", null);
            assertThat(s.post("/api/v1/users", admin, Map.of("username", "amy", "password", "amy-password-123"))
                    .status()).isEqualTo(201);
            s.put("/api/v1/projects/alpha/members/amy", admin, Map.of("roles", List.of("owner", "broker")));
            TestServer.Response up = s.send("POST", "/api/v1/projects/beta/uploads", admin, "application/zip",
                    Studies.zip(Studies.study(tmp.resolve("in"), 1, 1, null)));
            long job = up.json().get("id").asLong();
            s.awaitJob(admin, job);
            JsonNode session = s.get("/api/v1/projects/beta/sessions", admin).json().get(0);
            String amy = s.token("amy", "amy-password-123");
            List<Api.Route> routes = s.server().api().routes();
            assertThat(routes).hasSizeGreaterThan(40);
            int checked = 0;
            for (Api.Route r : routes) {
                Access access = (Access) r.roles().iterator().next();
                String path = r.path().replace("/api/v1", "").replace("{id}", "beta")
                        .replace("{session}", session.get("id").asText()).replace("{job}", Long.toString(job))
                        .replace("{version}", "1").replace("{subject}", session.get("subject").asText())
                        .replace("{user}", "amy");
                String url = "/api/v1" + path;
                byte[] body = r.method().equals("GET") || r.method().equals("DELETE") ? null : "{}".getBytes();
                TestServer.Response anon = s.send(r.method(), url, null, body == null ? null : "application/json",
                        body);
                if (access == Access.PUBLIC) {
                    assertThat(anon.status()).as(r.toString()).isNotEqualTo(401).isNotEqualTo(403);
                    continue;
                }
                assertThat(anon.status()).as("anonymous " + r).isEqualTo(401);
                assertThat(anon.type()).startsWith("application/problem+json");
                boolean aboutB = r.path().contains("{") && !r.path().startsWith("/api/v1/site/");
                if (access == Access.USER && !aboutB) {
                    continue; // lists and the caller's own session: checked for their content below
                }
                TestServer.Response member = s.send(r.method(), url, amy, body == null ? null : "application/json",
                        body);
                assertThat(member.status()).as("member of alpha: " + r).isIn(403, 404);
                checked++;
            }
            assertThat(checked).isGreaterThan(30);
            assertThat(s.get("/api/v1/projects", amy).json().findValuesAsText("id")).containsExactly("alpha");
            assertThat(s.get("/api/v1/jobs", amy).json()).isEmpty();
            // B is untouched
            assertThat(s.get("/api/v1/projects/beta/sessions", admin).json()).hasSize(1);
        }
    }

    @Test
    void aFormPostWithTheSessionCookieButWithoutTheCsrfTokenIsRefused() throws Exception {
        try (TestServer s = TestServer.start(tmp.resolve("s"), Backend.H2)) {
            String admin = s.adminToken();
            s.project(admin, "alpha", "ALPHA", null);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/auth/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + TestServer.ADMIN_PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(login.body()).get("csrf").asText();
            HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/projects/alpha/recipes"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded");
            HttpResponse<String> refused = http.send(form.POST(HttpRequest.BodyPublishers.ofString("body=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("CSRF");
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/auth/me"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/projects/alpha"
                    + "/recipes")).header("Cookie", cookie).header(Api.CSRF_HEADER, csrf)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"profile: dicom-basic\\n\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        }
    }
}
