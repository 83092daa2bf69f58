package io.entrepot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import io.entrepot.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium: an operator signs in and works with the console. */
class ConsoleBrowserTests extends BrowserTest {

    @Test
    void anOperatorSignsInSeesTheConsoleAndSwitchesToChinese() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/console"));
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
