package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserTest;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A guest buyer in the Philippines checks out in the storefront and sees the landed-cost breakdown. */
class CheckoutBrowserTests extends BrowserTest {

    @Test
    void aGuestBuysALampAndSeesShippingDutyAndTaxBeforePlacingTheOrder() {
        var api = new Api(port);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        var seller = shop.seller("Browser Lamps " + UUID.randomUUID(), "CN", "CNY");
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "100.00", "CNY", 300, 10, 10);

        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/?market=PH"));
        new Select(browser.findElement(By.id("market-switch"))).selectByValue("PH");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "PH"));
        browser.get(url("/store/products/" + offer));
        assertThat(browser.findElement(By.id("product-price")).getText()).contains("PHP 911");
        browser.findElement(By.id("quantity")).clear();
        browser.findElement(By.id("quantity")).sendKeys("2");
        browser.findElement(By.id("add-to-cart-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cart")));
        assertThat(browser.findElement(By.id("cart")).getText()).contains("PHP 1822.00");
        browser.findElement(By.id("name")).sendKeys("Maria Santos");
        browser.findElement(By.id("line1")).sendKeys("12 Rizal Ave");
        browser.findElement(By.id("city")).sendKeys("Manila");
        browser.findElement(By.id("email")).sendKeys("maria@example.com");
        browser.findElement(By.id("review")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totals")));
        // 600 g from CN → band up to 1 kg, 8.50 USD = 499.82 PHP; FOB 1,822 PHP is within PH's 10,000 de minimis.
        assertThat(browser.findElement(By.id("shipping-" + seller.sellerId())).getText()).isEqualTo("PHP 499.82");
        assertThat(browser.findElement(By.id("duty-status-" + seller.sellerId())).getText()).isEqualTo("not due");
        assertThat(browser.findElement(By.cssSelector(".parcel .duty")).getText()).contains("de minimis");
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("PHP 2321.82");
        screenshot("checkout-review");
        browser.findElement(By.id("place-order")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-status")));
        assertThat(browser.findElement(By.id("order-status")).getAttribute("data-status")).isEqualTo("placed");
        assertThat(browser.findElement(By.id("order-total")).getText()).isEqualTo("PHP 2321.82");
        screenshot("order-placed");
        // The seller sees the order in its portal's list (over the API here: the portal page lists the same rows).
        assertThat(api.get("/api/v1/seller/orders", seller.key()).json().get(0).get("status").asString()).isEqualTo("placed");
    }

    /** Keeps what the buyer saw under target/screenshots, for a person to look at. */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
