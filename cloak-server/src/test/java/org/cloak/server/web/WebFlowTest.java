package org.cloak.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cloak.dicom.data.DataSet;
import org.cloak.server.Backend;
import org.cloak.server.TestServer;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The walkthrough of docs/web.md in a real browser, from first sign-in to a signed-off session:
 * create a project, upload a zip of a PHI-rich study, follow the job, open the session and an
 * instance's header (PatientName shows the pseudonym, the change list names what changed), look
 * at the image, run verify, sign off on the QC board, export it as XLSX (read back with POI),
 * relabel the subject and see the new label in the header. Each step's page is written to
 * docs/web/ as a screenshot and checked for alerts and console errors. The walkthrough runs
 * first, so its screenshots show only its own project.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebFlowTest {
    private static final String PATIENT = "DOE^JANE";

    @TempDir
    static Path dir;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(dir, Backend.H2);
        browser = Browser.start(server.base());
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

    /** Two series of a CT study of the fake patient, 64 x 64 phantom images, zipped under the patient's name. */
    private static Path studyZip() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.createDirectories(dir.resolve("in"));
        for (int i = 1; i <= 4; i++) {
            DataSet ds = Fixtures.ct().patientName(PATIENT).patientId("PID-0001").birthDate("19700101")
                    .institution("FAKE HOSPITAL").referringPhysician("WHO^DOCTOR").accessionNumber("ACC-1")
                    .study(1).series(1 + i % 2).instance(i).rows(64).columns(64).build();
            files.add(Fixtures.write(ds, dir.resolve("in").resolve("DOE_JANE_" + i + ".dcm")));
        }
        Path zip = dir.resolve("study.zip");
        Files.write(zip, org.cloak.server.Studies.zip(files));
        return zip;
    }

    @Test
    @Order(1)
    void fromFirstSignInToASignedOffSession() throws Exception {
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/projects");
        browser.screenshot("01-projects");

        browser.find("#new-project summary").click();
        browser.find("#np-id").sendKeys("trial");
        browser.find("#np-name").sendKeys("Imaging trial");
        browser.find("#np-description").sendKeys("Walkthrough project");
        browser.clickAndLoad("#create-project");
        assertThat(browser.find("h1").getText()).isEqualTo("Imaging trial");

        browser.clickAndLoad("#upload-link");
        browser.find("#pick-files").sendKeys(studyZip().toString());
        browser.waitFor("#upload-jobs .job-state[data-state=done]", Duration.ofSeconds(60));
        assertThat(browser.find("#upload-jobs").getText()).contains("4 stored");
        browser.checkPage();
        browser.screenshot("02-upload");

        browser.open("/projects/trial");
        List<WebElement> rows = browser.all("#sessions tbody tr");
        assertThat(rows).hasSize(1);
        String subject = browser.find("#sessions td.subject").getText();
        assertThat(subject).isNotBlank().doesNotContain("DOE").doesNotContain("PID-0001");
        browser.screenshot("03-project");

        browser.clickAndLoad("#sessions tbody a");
        assertThat(browser.all(".series li.card")).hasSize(2);
        browser.screenshot("04-session");
        String sessionUrl = browser.driver().getCurrentUrl();

        browser.clickAndLoad(".series li.card a");
        String fileUrl = browser.driver().getCurrentUrl();
        assertThat(value("PatientName")).isEqualTo(subject);
        assertThat(browser.driver().getPageSource()).doesNotContain(PATIENT).doesNotContain("FAKE HOSPITAL");
        List<String> changed = browser.all("#change-list td.kw").stream().map(WebElement::getText).toList();
        assertThat(changed).contains("PatientName", "PatientID", "PatientBirthDate", "InstitutionName",
                "ReferringPhysicianName", "AccessionNumber");
        assertThat(browser.find("#nothing-else").getText()).startsWith("✓ Nothing else changed");
        assertThat(browser.find("tr[data-name=Modality] .badge").getText()).isEqualTo("unchanged");
        browser.screenshot("05-header");

        WebElement img = browser.find("#preview-img");
        browser.waitFor("#preview-img", Duration.ofSeconds(5));
        Object width = browser.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth;",
                img);
        assertThat(((Number) width).intValue()).isEqualTo(64);
        browser.find("#w-center").clear();
        browser.find("#w-center").sendKeys("1024");
        browser.find("#w-width").clear();
        browser.find("#w-width").sendKeys("400\n");
        browser.waitFor("#preview-img[src*='center=1024']", Duration.ofSeconds(5));
        browser.driver().executeScript("arguments[0].scrollIntoView()", img);
        browser.checkPage();
        browser.screenshot("06-preview");

        browser.driver().get(sessionUrl);
        browser.clickAndLoad("#run-verify");
        browser.waitFor("#job-state[data-state=done]", Duration.ofSeconds(60));
        browser.checkPage();
        browser.screenshot("07-verify-job");
        browser.clickAndLoad("#job-session");
        assertThat(browser.find("#verify-result").getText()).startsWith("passed");

        browser.open("/projects/trial/qc?show=pending");
        assertThat(browser.all("#board tbody tr")).hasSize(1);
        browser.find("#board tbody input[type=checkbox]").click();
        new Select(browser.find("#so-state")).selectByValue("passed");
        browser.find("#so-notes").sendKeys("checked headers and images");
        browser.clickAndLoad("#sign-off");
        browser.open("/projects/trial/qc");
        assertThat(browser.find("#board tbody td.signoff").getText()).isEqualTo("passed");
        assertThat(browser.find("#board tbody .status").getText()).isEqualTo("signed off");
        browser.screenshot("08-qc-board");

        checkXlsx(subject);

        browser.driver().get(sessionUrl);
        browser.find("#rl-subject").clear();
        browser.find("#rl-subject").sendKeys("P001");
        browser.clickAndLoad("#relabel");
        browser.waitFor("#job-state[data-state=done]", Duration.ofSeconds(60));
        browser.driver().get(fileUrl);
        browser.checkPage();
        assertThat(value("PatientName")).isEqualTo("P001");
        assertThat(value("PatientID")).isEqualTo("P001");
        browser.screenshot("09-relabelled");
    }

    @Test
    @Order(2)
    void theRecipeEditorChecksAsOneTypesPreviewsSavesAndRollsBack() throws Exception {
        browser.open("/projects/trial/recipe");
        assertThat(browser.find("#check-result").getText()).contains("no errors");
        WebElement body = browser.find("#recipe-body");
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("profile: dicom-basic\nno-such-setting: 1\n");
        browser.waitFor("#check-result.error", Duration.ofSeconds(10));
        assertThat(browser.find("#check-result").getText()).contains("Line 2");
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("profile: dicom-basic\noptions: [retain-device-identity]\n");
        browser.waitFor("#check-result.ok", Duration.ofSeconds(10));
        browser.find("#preview-run").click();
        browser.waitFor("#preview-changes tbody tr", Duration.ofSeconds(10));
        assertThat(browser.find("#preview-outcome").getText()).startsWith("The instance would be stored");
        browser.checkPage();
        browser.find("#recipe-comment").sendKeys("keep device identity");
        browser.clickAndLoad("#save-recipe");
        assertThat(browser.find("p.notice").getText()).isEqualTo("Saved as version 2");
        assertThat(browser.find("#recipe-diff .d-added").getText()).contains("retain-device-identity");
        browser.screenshot("11-recipe");
        browser.clickAndLoad("#recipe-history button");
        assertThat(browser.find("p.notice").getText()).isEqualTo("Version 1 restored as version 3");
        assertThat(browser.find("#recipe-body").getAttribute("value")).isEqualTo("profile: dicom-basic\n");
    }

    @Test
    void prearchiveSessionsAreArchivedInBulk() throws Exception {
        String admin = server.adminToken();
        assertThat(server.post("/api/v1/projects", admin, java.util.Map.of("id", "waiting", "aeTitle", "WAITING",
                "newSessions", "prearchive")).status()).isEqualTo(201);
        for (int study = 1; study <= 2; study++) {
            TestServer.Response r = server.send("POST", "/api/v1/projects/waiting/uploads", admin, "application/zip",
                    org.cloak.server.Studies.zip(org.cloak.server.Studies.study(dir.resolve("w" + study), study, 1,
                            null)));
            server.awaitJob(admin, r.json().get("id").asLong());
        }
        browser.driver().manage().deleteAllCookies();
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/projects/waiting?state=prearchive");
        assertThat(browser.all("#sessions tbody tr")).hasSize(2);
        browser.all("#sessions tbody input[name=session]").forEach(WebElement::click);
        new Select(browser.find("#bulk-action")).selectByValue("archive");
        browser.clickAndLoad("#bulk-go");
        assertThat(browser.find("p.notice").getText()).isEqualTo("archive: 2 session(s), see the jobs page");
        TestServer.await(() -> server.get("/api/v1/projects/waiting/sessions", admin).json(),
                a -> a.size() == 2 && a.findValuesAsText("area").stream().allMatch("archive"::equals),
                Duration.ofSeconds(60));
        browser.open("/projects/waiting?state=archived");
        assertThat(browser.all("#sessions tbody tr")).hasSize(2);
        browser.find("#settings summary").click();
        new Select(browser.find("#s-new")).selectByValue("archive");
        browser.clickAndLoad("#save-settings");
        assertThat(server.get("/api/v1/projects/waiting", admin).json().get("newSessions").asText())
                .isEqualTo("archive");
    }

    @Test
    void unassignedSessionsAreAssignedToAProject() throws Exception {
        String admin = server.adminToken();
        server.project(admin, "inbox", "INBOX", null);
        Path file = org.cloak.server.Studies.study(dir.resolve("u"), 7, 1, null).get(0);
        var result = server.server().parts().ingest().ingest(file, new org.cloak.deid.pseudo.Origin("test", null,
                List.of(), null, null), new org.cloak.server.entry.Ingest.Target(null, false, null, "admin"));
        assertThat(result).isInstanceOf(org.cloak.server.entry.Ingest.Stored.class);
        browser.driver().manage().deleteAllCookies();
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/prearchive");
        assertThat(browser.all("#unassigned tbody tr")).hasSize(1);
        browser.find("#unassigned tbody input[name=session]").click();
        new Select(browser.find("#assign-project")).selectByValue("inbox");
        browser.clickAndLoad("#assign");
        assertThat(browser.find("p.notice").getText()).isEqualTo("1 session(s) being moved to inbox");
        TestServer.await(() -> server.get("/api/v1/projects/inbox/sessions", admin).json(), a -> a.size() == 1,
                Duration.ofSeconds(60));
        browser.open("/prearchive");
        assertThat(browser.all("#unassigned tbody tr")).isEmpty();
    }

    @Test
    void theAccountPageMakesAnApiToken() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/account");
        browser.clickAndLoad("#new-token-button");
        String token = browser.find("#new-token").getText();
        assertThat(token).startsWith("ck_");
        assertThat(server.get("/api/v1/auth/me", token).json().get("username").asText()).isEqualTo("admin");
    }

    private static String value(String keyword) {
        return browser.find("#header-tree tr[data-name=" + keyword + "] td.val").getText();
    }

    /** The board as XLSX has the page's columns, and the signed-off row, as POI reads it. */
    private static void checkXlsx(String subject) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/projects/trial/qc.xlsx"))
                .header("Cookie", "cloak_session=" + browser.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheetAt(0);
            Row head = s.getRow(0);
            List<String> columns = new ArrayList<>();
            head.forEach(c -> columns.add(c.getStringCellValue()));
            assertThat(columns).containsExactlyElementsOf(BoardExport.COLUMNS);
            Row row = s.getRow(1);
            assertThat(row.getCell(columns.indexOf("Subject")).getStringCellValue()).isEqualTo(subject);
            assertThat(row.getCell(columns.indexOf("Sign-off")).getStringCellValue()).isEqualTo("passed");
            assertThat(row.getCell(columns.indexOf("Reviewer")).getStringCellValue()).isEqualTo("admin");
            assertThat(row.getCell(columns.indexOf("Notes")).getStringCellValue()).isEqualTo(
                    "checked headers and images");
            assertThat(row.getCell(columns.indexOf("Status")).getStringCellValue()).isEqualTo("signed off");
            assertThat(s.getLastRowNum()).isEqualTo(1);
        }
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(server.base()
                + "/projects/trial/qc.csv")).header("Cookie", "cloak_session=" + browser.sessionCookie()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", BoardExport.COLUMNS));
    }
}
