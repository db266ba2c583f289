package org.cloak.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;
import org.cloak.server.Backend;
import org.cloak.server.Studies;
import org.cloak.server.TestServer;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pages under attack and for every user: script payloads stored in the headers (project
 * with the {@code original} profile, so they survive) render as text on every page, with no
 * alert and no console error, under a Content-Security-Policy without inline script; a member
 * of project A sees nothing of project B in lists, search, direct URLs or the API; every page
 * has labelled controls and fits 1024 px; the QC board can be signed off with the keyboard alone.
 */
class WebSecurityTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String ALICE = "alice";
    private static final String ALICE_PASSWORD = "alice-password-long";

    @TempDir
    static Path dir;
    private static TestServer server;
    private static Browser browser;
    private static long xssSession;
    private static String xssSop;
    private static long xssJob;
    private static long bSession;
    private static String bSop;
    private static String bSubject;
    private static long bJob;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(dir, Backend.H2);
        String admin = server.adminToken();
        // the payloads must reach the stored files: the site recipe keeps everything too
        assertThat(server.post("/api/v1/site/recipes", admin, Map.of("body", "profile: original\n", "comment",
                "keep everything for the XSS test")).status()).isEqualTo(201);
        server.project(admin, "xss", "XSS", "profile: original\n");
        server.project(admin, "a", "PROJA", null);
        server.project(admin, "b", "PROJB", null);
        assertThat(server.post("/api/v1/users", admin, Map.of("username", ALICE, "password", ALICE_PASSWORD))
                .status()).isEqualTo(201);
        assertThat(server.put("/api/v1/projects/a/members/" + ALICE, admin, Map.of("roles", List.of("owner")))
                .status()).isEqualTo(204);

        DataSet evil = Fixtures.ct().patientName(SCRIPT).patientId("XSS-1").institution(IMG).rows(16).columns(16)
                .build();
        evil.setString(Tag.StudyDescription, Vr.LO, SCRIPT);
        evil.setString(Tag.SeriesDescription, Vr.LO, IMG);
        Path in = Files.createDirectories(dir.resolve("in"));
        xssJob = upload(admin, "xss", List.of(Fixtures.write(evil, in.resolve("evil.dcm"))));
        bJob = upload(admin, "b", Studies.study(dir.resolve("b"), 2, 2, null));
        JsonNode xs = server.get("/api/v1/projects/xss/sessions", admin).json().get(0);
        xssSession = xs.get("id").asLong();
        xssSop = sop(xssSession, "xss");
        JsonNode bs = server.get("/api/v1/projects/b/sessions", admin).json().get(0);
        bSession = bs.get("id").asLong();
        bSubject = bs.get("subject").asText();
        bSop = sop(bSession, "b");
        browser = Browser.start(server.base());
    }

    private static long upload(String token, String project, List<Path> files) throws IOException {
        TestServer.Response r = server.send("POST", "/api/v1/projects/" + project + "/uploads", token,
                "application/zip", Studies.zip(files));
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        long job = r.json().get("id").asLong();
        assertThat(server.awaitJob(token, job).get("stored").asInt()).isEqualTo(files.size());
        return job;
    }

    /** A stored instance's UID, from the session's folder as the server laid it out. */
    private static String sop(long session, String project) throws IOException {
        List<Path> files = Studies.dicomFiles(server.data().resolve("archive").resolve(project));
        assertThat(files).isNotEmpty();
        String name = files.get(0).getFileName().toString();
        return name.substring(0, name.length() - ".dcm".length());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void payloadsRenderAsTextOnEveryPage() throws Exception {
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        String s = "/projects/xss/sessions/" + xssSession;
        browser.open(s + "/verify".replace("/verify", ""));
        browser.clickAndLoad("#run-verify");
        browser.waitFor("#job-state[data-state=done]", java.time.Duration.ofSeconds(60));
        List<String> pages = List.of("/projects", "/projects?q=S", "/projects/xss", "/projects/xss/upload", s,
                s + "/files/" + xssSop, "/projects/xss/qc", "/projects/xss/qc?show=pending", "/jobs",
                "/jobs/" + xssJob, "/projects/xss/recipe", "/site/recipe", "/projects/xss/audit", "/audit",
                "/admin", "/projects/xss/vault", "/account", "/prearchive");
        for (String p : pages) {
            for (int width : new int[] {1280, 1024}) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                browser.open(p);
                assertThat(browser.all("img[src='x']")).as("injected image on " + p).isEmpty();
                assertThat(browser.driver().findElements(By.xpath("//script[contains(., 'alert')]")))
                        .as("injected script on " + p).isEmpty();
                Object overflow = browser.driver().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal scrolling at " + width + " px on " + p)
                        .isLessThanOrEqualTo(0);
                assertThat(unlabelled()).as("controls without a label on " + p).isEmpty();
            }
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        browser.open(s + "/files/" + xssSop);
        assertThat(value("StudyDescription")).isEqualTo(SCRIPT);
        assertThat(value("SeriesDescription")).isEqualTo(IMG);
        assertThat(value("InstitutionName")).isEqualTo(IMG);
        assertThat(browser.find("#header-tree tr[data-name='[ACME 1.0]'] td.val").getText()).isEqualTo(SCRIPT);
        browser.driver().executeScript("arguments[0].scrollIntoView()",
                browser.find("#header-tree tr[data-name=StudyDescription]"));
        browser.screenshot("10-xss-as-text");
        browser.open(s + "/report");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
                + s + "/files/" + xssSop)).header("Cookie", "cloak_session=" + browser.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.body()).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aMemberOfOneProjectSeesNothingOfAnother() throws Exception {
        browser.signIn(ALICE, ALICE_PASSWORD);
        List<String> listed = browser.all("#projects tbody td:first-child").stream().map(WebElement::getText).toList();
        assertThat(listed).containsExactly("a");
        browser.open("/projects?q=" + bSubject);
        assertThat(browser.all("#hits tbody tr")).isEmpty();
        browser.open("/jobs");
        assertThat(browser.all("#jobs tbody tr")).isEmpty();
        String bs = "/projects/b/sessions/" + bSession;
        for (String p : List.of("/projects/b", bs, bs + "/files/" + bSop, "/projects/b/qc", "/projects/b/recipe",
                "/projects/b/upload", "/jobs/" + bJob, "/projects/b/audit", "/projects/b/vault", "/admin", "/audit",
                "/projects/a/sessions/" + bSession)) {
            browser.driver().get(server.base() + p);
            assertThat(browser.find("h1").getText()).as(p).isIn("404 Not Found", "403 Forbidden");
            assertThat(browser.driver().getPageSource()).as(p).doesNotContain(bSubject);
            // the refused page itself is the only message: nothing else on it ran or failed
            assertThat(browser.console()).as(p).allMatch(m -> m.startsWith(server.base() + p + " - Failed to load"
                    + " resource: the server responded with a status of 40"));
        }
        for (String p : List.of(bs + "/files/" + bSop + "/preview.png", "/projects/b/qc.csv", "/projects/b/qc.xlsx")) {
            assertThat(status(p, browser.sessionCookie())).as(p).isEqualTo(404);
        }
        browser.open("/projects/a");
        Object api = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "Promise.all([fetch('/api/v1/projects/b').then(r => r.status),"
                + " fetch('/api/v1/projects/b/sessions').then(r => r.status),"
                + " fetch('/api/v1/projects').then(r => r.json()).then(a => a.map(p => p.id).join(','))])"
                + ".then(done);");
        assertThat(api.toString()).isEqualTo("[404, 404, a]");
        assertThat(browser.console()).hasSize(2).allMatch(m -> m.startsWith(server.base() + "/api/v1/projects/b"));
    }

    @Test
    void theBoardIsSignedOffWithTheKeyboardAlone() {
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/projects/xss/qc");
        Actions keys = new Actions(browser.driver());
        String box = "sel-" + xssSession;
        tabTo(keys, box);
        assertThat(browser.driver().executeScript("return getComputedStyle(document.activeElement).outlineStyle;"))
                .as("focus is visible").isNotEqualTo("none");
        keys.sendKeys(Keys.SPACE).perform();
        tabTo(keys, "so-state");
        keys.sendKeys("f").perform();
        tabTo(keys, "so-notes");
        keys.sendKeys("burned-in text on frame 1").perform();
        tabTo(keys, "sign-off");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitFor("p.notice", java.time.Duration.ofSeconds(10));
        browser.checkPage();
        WebElement row = browser.find("#board tr[data-session='" + xssSession + "']");
        assertThat(row.findElement(By.cssSelector("td.signoff")).getText()).isEqualTo("failed");
        assertThat(row.findElement(By.cssSelector("td.notes")).getText()).isEqualTo("burned-in text on frame 1");
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("failed by reviewer");
    }

    /** Presses Tab until the element with this ID has the focus (at most 80 times). */
    private static void tabTo(Actions keys, String id) {
        for (int i = 0; i < 80; i++) {
            Object focused = browser.driver().executeScript("return document.activeElement.id;");
            if (id.equals(focused)) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static String value(String keyword) {
        return browser.find("#header-tree tr[data-name=" + keyword + "] td.val").getText();
    }

    /** The visible form controls of the page that have no label, by id or name. */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelled() {
        Object r = browser.driver().executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea')).filter(e => !(e.labels && e.labels.length)"
                + " && !e.getAttribute('aria-label')).map(e => e.id || e.name);");
        return new ArrayList<>((List<String>) r);
    }

    private static int status(String path, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Cookie", "cloak_session=" + cookie).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
