package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium: an operator declares a disruption, previews it, starts the run and watches it reach 100%. */
class DisruptionBrowserTests extends BrowserTest {

    @Test
    void anOperatorDeclaresPreviewsAndRemediatesADisruption() {
        var stranded = StrandedOrders.ship(new Api(port), "tok_visa", "tok_mastercard", "tok_visa");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(url("/console/disruptions"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin@entrepot.example");
        browser.findElement(By.id("password")).sendKeys("entrepot-demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-heading")));
        browser.findElement(By.linkText("Disruptions")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("disruption-form")));
        new Select(browser.findElement(By.id("scope"))).selectByValue("checkpoint");
        new Select(browser.findElement(By.id("checkpoint"))).selectByValue(stranded.checkpoint());
        browser.findElement(By.id("reason")).sendKeys("Customs system outage");
        browser.findElement(By.id("declare")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-counts")));
        assertThat(browser.findElement(By.id("preview-counts")).getAttribute("data-total")).isEqualTo("3");
        assertThat(browser.findElement(By.id("preview-counts")).getText()).contains("3 seller orders stranded", "3 to refund and bring back");
        assertThat(browser.findElement(By.id("preview-sellers")).getText()).contains("Stranded Lamps");
        screenshot("disruption-preview");

        browser.findElement(By.id("start-run")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-percent", "100"));
        wait.until(ExpectedConditions.attributeToBe(By.id("run-status"), "data-status", "finished"));
        assertThat(browser.findElement(By.id("run-status")).getText()).contains("3 done, 0 failed, 0 left of 3");
        assertThat(browser.findElement(By.id("run-report")).getText()).contains("Stranded Lamps");
        screenshot("remediation-finished");
        String csvHref = browser.findElement(By.id("report-csv")).getAttribute("href");
        assertThat(csvHref).as("the report's CSV is reachable with the operator's session").contains("/console/remediations/").endsWith("/report.csv");
    }

    /** Keeps what the operator saw under target/screenshots, for a person to look at. */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
