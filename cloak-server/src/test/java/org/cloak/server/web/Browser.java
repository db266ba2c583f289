package org.cloak.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (both paths given, so
 * Selenium never looks for or downloads a browser or driver), one per test class with a fresh
 * profile. Collects the console's errors and refuses any alert: a page that runs an injected
 * script fails the test. Without the browser the test is skipped, except under {@code CI=true},
 * where it fails.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Where the screenshots go: the docs use them. */
    static final Path SHOTS = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("web");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Browser start(String base) throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            String why = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path profile = Files.createTempDirectory("cloak-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(d, profile, base);
    }

    ChromeDriver driver() { return driver; }

    /** Opens a path of the server and checks the page: no alert, no console error. */
    void open(String path) {
        driver.get(base + path);
        checkPage();
    }

    /** Fails on an open alert or a console error since the last check. */
    void checkPage() {
        try {
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            throw new AssertionError("an alert opened on " + driver.getCurrentUrl() + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no alert: as it should be
        }
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("console errors on " + driver.getCurrentUrl()).isEmpty();
    }

    /** The console's messages since the last check (then cleared), for a page that is meant to fail. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitFor(String css, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Clicks and waits for the next page to load. */
    void clickAndLoad(String css) {
        WebElement e = find(css);
        e.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
        checkPage();
    }

    void signIn(String user, String password) {
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        clickAndLoad("#sign-in");
    }

    void signOut() {
        clickAndLoad(".signout button");
    }

    /** The session cookie, for fetching downloads outside the browser. */
    String sessionCookie() {
        Cookie c = driver.manage().getCookieNamed("cloak_session");
        return c == null ? null : c.getValue();
    }

    /** Writes the page as {@code docs/web/NAME.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                org.cloak.pipeline.run.Leftovers.deleteTree(profile);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not delete the browser profile", e);
            }
        }
    }
}
