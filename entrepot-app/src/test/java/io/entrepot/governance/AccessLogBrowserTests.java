package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserTest;
import io.entrepot.support.SystemSql;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Debian's headless Chromium: a seller opens the portal's access log and finds finance's look at its books, with purpose and reference. */
class AccessLogBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aSellerSeesWhoReadItsBooksWhyAndUnderWhichReference() {
        var api = new Api(port);
        // the demo seller whose portal account the browser signs in with
        String lumen = new SystemSql(jdbc, tx).text("select id::text from demo.ref where name = 'lumen'");
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"browser\"}").json().get("key").asString();
        String compliance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"compliance\",\"label\":\"browser\"}").json().get("key").asString();
        String reference = "CASE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        var grant = api.post("/api/v1/ops/access-grants", finance, """
                {"sellerId":"%s","scopes":["ledger"],"purpose":"fraud_investigation","reference":"%s","hours":4}""".formatted(lumen, reference));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/ops/access-grants/" + grant.json().get("id").asString() + "/approval", compliance, "{}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/ops/sellers/" + lumen + "/statements/" + YearMonth.now(ZoneOffset.UTC) + "?currency=CNY", finance).status())
                .isEqualTo(200);

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/seller"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("seller@lumen.example");
        browser.findElement(By.id("password")).sendKeys("entrepot-demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Access log"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-log-filter")));
        new Select(browser.findElement(By.id("f-purpose"))).selectByValue("fraud_investigation");
        browser.findElement(By.id("f-q")).sendKeys(reference);
        browser.findElement(By.cssSelector("#access-log-filter button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("q=" + reference));
        var rows = browser.findElements(By.cssSelector("#access-log tbody tr"));
        assertThat(rows).hasSize(1);
        WebElement row = rows.getFirst();
        assertThat(row.findElement(By.className("purpose")).getText()).isEqualTo("Fraud investigation");
        assertThat(row.findElement(By.className("reference")).getText()).isEqualTo(reference);
        assertThat(row.getText()).contains("ledger.statement").contains("[finance]");
        assertThat(row.getAttribute("data-grant")).isEqualTo(grant.json().get("id").asString());
        assertThat(browser.findElement(By.id("access-log-csv")).getAttribute("href")).contains("/api/v1/seller/access-log.csv").contains(reference);
        assertThat(browser.findElement(By.id("access-grants")).getText()).contains(reference).contains("Fraud investigation");
        assertThat(browser.findElement(By.id("transparency-summary")).getText()).contains("[finance]").contains("fraud_investigation");
    }
}
