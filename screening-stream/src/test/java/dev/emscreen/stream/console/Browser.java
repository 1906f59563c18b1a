package dev.emscreen.stream.console;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver (no download: the
 * launcher's test command installs both, as it does kcat). One browser is one annotator's session.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("emscreen.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("emscreen.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    final ChromeDriver driver;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); ./emscreen test installs them, or: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100",
                        "--disable-gpu", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(URL console, String query) {
        driver.get(console + (query == null ? "" : "?" + query));
    }

    /** Signs in on the sign-in page the console sent this browser to. */
    void signIn(String annotator, String password) {
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().contains("/review/login.html"));
        driver.findElement(By.id("j_username")).sendKeys(annotator);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        await().atMost(WAIT).until(() -> !driver.getCurrentUrl().contains("/review/login.html"));
    }

    /** The id of the sample the page shows ("" when none). */
    String shown() {
        String id = driver.findElement(By.tagName("body")).getDomAttribute("data-sample-id");
        return id == null ? "" : id;
    }

    /** Waits until the page shows a sample that {@code expected} accepts; returns its id. */
    String awaitShown(Predicate<String> expected) {
        return await().atMost(WAIT).until(this::shown, expected);
    }

    /** A key pressed with the focus on the page (not in a field), as an annotator would. */
    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    String status() {
        return find("status").getText();
    }

    void screenshot(Path to) throws java.io.IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(to.getParent());
        Files.copy(shot.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
