package io.entrepot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.LowLimitsTest;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sellers load their catalogue from CSV: good products go in, bad rows are reported, nothing is half-imported. */
@LowLimitsTest
class CatalogImportIntegrationTests {

    @LocalServerPort
    int port;
    Api api;
    Fixtures.SellerWithKey seller;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = Fixtures.activeChineseSeller(api, "CSV Co " + UUID.randomUUID());
    }

    @Test
    void goodProductsGoInAndEveryRowOfABadProductIsReported() {
        String s = Long.toString(System.nanoTime(), 36);
        var report = importCsv("""
                product_ref,category,locale,title,description,title_zh-CN,sku_code,base_price,currency,weight_grams,length_mm,width_mm,height_mm,stock,ignored
                lamp,lighting,en,"Lamp, folding",Warm light,折叠灯,L1-%1$s,39.00,CNY,300,300,300,40,12,x
                lamp,lighting,en,"Lamp, folding",Warm light,折叠灯,L2-%1$s,49.00,CNY,400,300,300,40,5,x
                wok,kitchen,en,Carbon steel wok,,,W1-%1$s,-5.00,CNY,1800,400,400,120,,x
                wok,kitchen,en,Carbon steel wok,,,W2-%1$s,159.00,CNY,1800,400,400,120,,x
                tea,tea,en,Longjing tea,Spring harvest,龙井,T1-%1$s,168.00,CNY,250,100,100,200,,x
                """.formatted(s));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var json = report.json();
        assertThat(json.get("rows").asInt()).isEqualTo(5);
        assertThat(json.get("products").asInt()).isEqualTo(2);
        assertThat(json.get("skus").asInt()).isEqualTo(3);
        assertThat(json.get("rejected").valueStream().map(r -> r.get("line").asInt())).containsExactlyInAnyOrder(4, 5);
        assertThat(json.get("rejected").valueStream().filter(r -> r.get("line").asInt() == 4)
                .flatMap(r -> r.get("errors").valueStream()).map(e -> e.asString())).anyMatch(e -> e.contains("negative"));
        var products = api.get("/api/v1/seller/products", seller.key()).json();
        assertThat(products.valueStream().map(p -> p.get("category").asString())).containsExactlyInAnyOrder("lighting", "tea");
        var lamp = products.valueStream().filter(p -> p.get("category").asString().equals("lighting")).findFirst().orElseThrow();
        assertThat(lamp.get("contents").valueStream().map(c -> c.get("title").asString())).containsExactlyInAnyOrder("Lamp, folding", "折叠灯");
        assertThat(lamp.get("skus").get(0).get("stock").get(seller.warehouseId().toString()).asInt()).isEqualTo(12);
    }

    @Test
    void aLargeFileRunsAsAJobWhoseProgressTheSellerFollows() throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        StringBuilder csv = new StringBuilder("product_ref,category,locale,title,sku_code,base_price,currency,weight_grams,length_mm,width_mm,height_mm\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("p").append(i / 2).append(",toys,en,Kite ").append(i / 2).append(',').append("J").append(i).append('-').append(s)
                    .append(",9.50,CNY,100,10,10,10\n");
        }
        csv.append("bad,toys,en,Broken,B-").append(s).append(",oops,CNY,100,10,10,10\n");
        var started = importCsv(csv.toString());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/seller/imports/");
        assertThat(started.json().get("rowsTotal").asInt()).isEqualTo(1201);

        long deadline = System.currentTimeMillis() + 60_000;
        tools.jackson.databind.JsonNode job = started.json();
        while (!job.get("status").asString().equals("done") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            job = api.get(location, seller.key()).json();
            assertThat(job.get("status").asString()).isNotEqualTo("failed");
        }
        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("products").asInt()).isEqualTo(600);
        assertThat(job.get("skus").asInt()).isEqualTo(1200);
        assertThat(job.get("rejected").get(0).get("line").asInt()).isEqualTo(1202);
        assertThat(job.get("rowsDone").asInt()).isEqualTo(job.get("rowsTotal").asInt());

        var other = Fixtures.activeChineseSeller(api, "Nosy Co " + UUID.randomUUID());
        assertThat(api.get(location, other.key()).status()).isEqualTo(404);

        String email = "importer-" + UUID.randomUUID() + "@example.com";
        api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, """
                {"email":"%s","password":"long-enough-1","displayName":"Importer","kind":"seller","sellerId":"%s"}
                """.formatted(email, seller.sellerId()));
        var browser = new io.entrepot.support.BrowserSession(port);
        browser.signIn(email, "long-enough-1");
        var page = browser.get(location.replace("/api/v1/seller/imports/", "/seller/imports/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"done\"").contains("id=\"rejected\"");
    }

    @Test
    void malformedOrIncompleteFilesAreRefusedWithTheReason() {
        var unterminated = importCsv("product_ref,category\n\"lamp,lighting\n");
        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(unterminated.json().get("detail").asString()).contains("quoted field");
        var missing = importCsv("product_ref,category,title\nlamp,lighting,Lamp\n");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("sku_code").contains("base_price");
        var ragged = importCsv("product_ref,category\nlamp\n");
        assertThat(ragged.status()).isEqualTo(400);
    }

    @Test
    void anOversizedFileIsRefusedWith413() {
        String header = "product_ref,category,locale,title,sku_code,base_price,currency,weight_grams,length_mm,width_mm,height_mm\n";
        String row = "p,lighting,en,Lamp,SKU,1.00,CNY,1,1,1,1\n";
        var response = importCsv(header + row.repeat(300 * 1024 / row.length()));
        assertThat(response.status()).isEqualTo(413);
        assertThat(api.get("/api/v1/seller/products", seller.key()).json().size()).as("nothing written").isZero();
    }

    private Api.Response importCsv(String csv) {
        return api.send(api.request("/api/v1/seller/imports/products", seller.key()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }
}
