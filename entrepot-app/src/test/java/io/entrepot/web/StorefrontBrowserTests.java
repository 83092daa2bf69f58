package io.entrepot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.entrepot.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A buyer switches the storefront to the Philippines and finds a demo product priced in pesos. */
class StorefrontBrowserTests extends BrowserTest {

    @Test
    void aBuyerSwitchesToThePhilippinesAndFindsADemoProductWithItsPesoPrice() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/"));
        new Select(browser.findElement(By.id("market-switch"))).selectByValue("PH");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "PH"));

        // The demo catalogue is written in the background after start-up: search until it is there.
        long deadline = System.currentTimeMillis() + 90_000;
        List<WebElement> prices = List.of();
        while (prices.isEmpty() && System.currentTimeMillis() < deadline) {
            var box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
            box.clear();
            box.sendKeys("lantern");
            browser.findElement(By.id("search-button")).click();
            wait.until(ExpectedConditions.urlContains("/store/search"));
            prices = browser.findElements(By.cssSelector("#results .price"));
            if (prices.isEmpty()) {
                sleep();
            }
        }
        assertThat(prices).as("demo products found in PH").isNotEmpty();
        assertThat(prices.getFirst().getAttribute("data-currency")).isEqualTo("PHP");
        assertThat(prices.getFirst().getText()).matches("from PHP [0-9,]+\\.\\d\\d");
        assertThat(browser.findElement(By.cssSelector("#results .result-title")).getText()).containsIgnoringCase("lantern");
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
