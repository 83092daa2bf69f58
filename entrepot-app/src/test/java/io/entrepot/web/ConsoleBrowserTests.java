package io.entrepot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** Debian's headless Chromium: an operator signs in and works with the console. */
@IntegrationTest
class ConsoleBrowserTests {

    @LocalServerPort
    int port;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void startChromium() throws Exception {
        profile = Files.createTempDirectory("entrepot-chromium-");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    @Test
    void anOperatorSignsInSeesTheConsoleAndSwitchesToChinese() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get("http://localhost:" + port + "/console");
        wait.until(ExpectedConditions.urlContains("/login"));

        browser.findElement(By.id("username")).sendKeys("admin@entrepot.example");
        browser.findElement(By.id("password")).sendKeys("entrepot-demo");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-heading")));
        assertThat(browser.findElement(By.id("console-heading")).getText()).isEqualTo("Operator console");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("admin@entrepot.example");
        long active = Long.parseLong(browser.findElement(By.cssSelector("dd[data-figure='seller.status.active']")).getText());
        assertThat(active).isGreaterThanOrEqualTo(2);

        new Select(browser.findElement(By.id("lang-switch"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("console-heading"), "运营控制台"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }
}
