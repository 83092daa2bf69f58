package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserTest;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium: a moderator opens the queue, sees a flagged review's signals and removes it. */
class ModerationBrowserTests extends BrowserTest {

    @Test
    void aModeratorSeesTheSignalsOfAFlaggedReviewAndRemovesIt() {
        var api = new Api(port);
        var buy = new DeliveredPurchases(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        var seller = new Shop(api).seller("Flagged Lamps " + run, "CN", "CNY");
        var lamp = buy.product(seller, "Floor lamp " + run, "80.00");
        var purchase = buy.deliveredWithoutScans(seller, lamp.offerId(), "flagged-" + run + "@example.com", "5 Osmena Blvd", "tok_flag_" + run);
        var written = buy.review(purchase, 5, GenuineTexts.forRun(1, System.nanoTime()).getFirst(), "en");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String review = written.json().get("id").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/storefront/PH/reviews/" + review + "/reports", null, "{\"reason\":\"Looks paid for\"}").status()).isEqualTo(202);
        }

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/console/reviews"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("admin@entrepot.example");
        browser.findElement(By.id("password")).sendKeys("entrepot-demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-heading")));
        browser.findElement(By.linkText("Reviews")).click();

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-" + review)));
        assertThat(row.getAttribute("data-status")).isEqualTo("held");
        assertThat(row.getText()).contains("New reviewer").contains("Minutes after delivery");
        assertThat(row.findElements(By.cssSelector("[data-signal]"))).isNotEmpty();

        row.findElement(By.cssSelector("a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        assertThat(browser.findElements(By.cssSelector("#review [data-signal]"))).hasSize(9);
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("3 buyers reported it");
        browser.navigate().back();

        row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-" + review)));
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        new Select(browser.findElement(By.id("decision"))).selectByValue("remove");
        browser.findElement(By.id("reason")).sendKeys("Paid review: the buyer admitted it in a chat");
        browser.findElement(By.id("decide")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertThat(browser.findElements(By.id("review-" + review))).isEmpty();
        browser.findElement(By.id("tab-removed")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-" + review))).getAttribute("data-status")).isEqualTo("removed");

        var history = api.get("/api/v1/ops/reviews/" + review, Api.ADMIN_KEY).json();
        assertThat(history.get("review").get("status").asString()).isEqualTo("removed");
        var last = history.get("decisions").get(history.get("decisions").size() - 1);
        assertThat(last.get("actor").asString()).as("the operator who decided, by account id").startsWith("operator:");
        assertThat(last.get("reason").asString()).isEqualTo("Paid review: the buyer admitted it in a chat");
        assertThat(last.get("automatic").asBoolean()).isFalse();
        // A confirmed fake puts the seller on the first rung.
        assertThat(api.get("/api/v1/ops/sellers/" + seller.sellerId() + "/enforcement", Api.ADMIN_KEY).json().get(0).get("step").asString())
                .isEqualTo("warning");
    }
}
