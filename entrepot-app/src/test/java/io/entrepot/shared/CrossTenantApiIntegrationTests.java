package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import java.net.http.HttpRequest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * RELIABILITY 11 over the whole API: every seller operation of the OpenAPI document, driven with seller
 * A's key and seller B's ids, answers 404 or 403 and shows nothing of B's; every seller operation
 * without ids answers with A's data only; every operator operation refuses A's key. Then B's data is
 * checked to be untouched. New operations are covered without editing this test — an id it cannot
 * name fails it, so a new kind of path gets a thought.
 */
@IntegrationTest
class CrossTenantApiIntegrationTests {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    @LocalServerPort
    int port;

    private record Operation(String method, String template, String requiredQuery) {
    }

    @Test
    void sellerAsKeyGetsNothingOfSellerB() {
        var api = new Api(port);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        var a = shop.seller("Tenant A " + run, "CN", "CNY");
        var b = shop.seller("Tenant B " + run, "CN", "CNY");
        String bName = "Tenant B " + run;
        UUID bOffer = shop.liveOffer(b, "PH", "lighting", "88.00", "CNY", 200, 50, 0);
        String bProduct = api.get("/api/v1/seller/offers?market=PH", b.key()).json().get(0).get("productId").asString();
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(bOffer)).json();
        var order = shop.order("PH", "tenant-" + UUID.randomUUID(), UUID.fromString(quote.get("id").asString()), "tok_tenant_" + run).json();
        String bOrder = order.get("sellerOrders").get(0).get("id").asString();
        String bLine = order.get("sellerOrders").get(0).get("lines").get(0).get("id").asString();
        assertThat(api.post("/api/v1/seller/orders/" + bOrder + "/shipments", b.key(), "{}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/ops/seller-orders/" + bOrder + "/delivery", Api.ADMIN_KEY, "{}").status()).isEqualTo(200);
        var review = api.post("/api/v1/storefront/PH/reviews", null, """
                {"orderLineId":"%s","email":"maria@example.com","rating":2,"text":"The shade arrived cracked on one side, %s.","locale":"en"}"""
                .formatted(bLine, run));
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        String bReview = review.json().get("id").asString();
        assertThat(api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, """
                {"reviewIds":["%s"],"decision":"remove","reason":"cross-tenant test: gives B an enforcement step"}""".formatted(bReview)).status())
                .isEqualTo(200);
        String bAction = api.get("/api/v1/seller/enforcement", b.key()).json().get("actions").get(0).get("id").asString();
        String bKeyId = api.get("/api/v1/seller/api-keys", b.key()).json().get(0).get("id").asString();
        Map<String, String> bIds = Map.of("products", bProduct, "orders", bOrder, "reviews", bReview, "enforcement", bAction, "api-keys", bKeyId,
                // B has no import job and runs are the platform's: unknown ids must answer 404 all the same.
                "imports", UUID.randomUUID().toString(), "remediations", UUID.randomUUID().toString());
        List<String> secrets = List.of(b.sellerId().toString(), bName, bProduct, bOrder, bReview, bAction, bKeyId, "Item S");

        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<Operation> operations = new ArrayList<>();
        paths.propertyNames().forEach(path -> paths.get(path).propertyNames().forEach(method -> {
            StringBuilder query = new StringBuilder();
            JsonNode parameters = paths.get(path).get(method).get("parameters");
            if (parameters != null) {
                parameters.valueStream().filter(p -> p.get("in").asString().equals("query") && p.has("required") && p.get("required").asBoolean())
                        .forEach(p -> query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asString()).append('=')
                                .append(Map.of("currency", "CNY", "market", "PH").getOrDefault(p.get("name").asString(), "1")));
            }
            operations.add(new Operation(method, path, query.toString()));
        }));
        int withIds = 0;
        int withoutIds = 0;
        int operator = 0;
        for (Operation operation : operations) {
            if (operation.template().startsWith("/api/v1/ops/")) {
                var answer = call(api, a.key(), operation.method(), fill(operation.template(), Map.of(), true) + operation.requiredQuery(), "{}");
                assertThat(answer.status()).as(operation + " " + answer.body()).isEqualTo(403);
                operator++;
                continue;
            }
            if (!operation.template().startsWith("/api/v1/seller/")) {
                continue;
            }
            boolean ownedIds = PARAMETER.matcher(operation.template()).results().anyMatch(m -> !List.of("market", "month").contains(m.group(1)));
            if (!ownedIds && !operation.method().equals("get")) {
                continue; // creates or changes A's own data
            }
            String path = fill(operation.template(), bIds, false) + operation.requiredQuery();
            var answer = call(api, a.key(), operation.method(), path, body(operation.template()));
            if (ownedIds) {
                assertThat(answer.status()).as(operation + " → " + path + ": " + answer.body()).isIn(403, 404);
                withIds++;
            } else {
                // A's own lists (or 404 for a singleton A has not set up, such as its webhook).
                assertThat(answer.status()).as(operation + ": " + answer.body()).isIn(200, 404);
                withoutIds++;
            }
            for (String secret : secrets) {
                if (path.contains(secret)) {
                    continue; // the caller's own words echoed back (the problem's detail and instance) reveal nothing
                }
                assertThat(answer.body()).as(operation + " leaks " + secret).doesNotContain(secret);
            }
        }
        assertThat(withIds).as("seller operations with ids driven").isGreaterThanOrEqualTo(12);
        assertThat(withoutIds).as("seller lists driven").isGreaterThanOrEqualTo(10);
        assertThat(operator).as("operator operations refused").isGreaterThanOrEqualTo(40);

        // B's data is untouched, and B still reaches all of it.
        var bOrderNow = api.get("/api/v1/seller/orders/" + bOrder, b.key()).json();
        // PH has no return window, so the platform's fund release (each minute) may have released it meanwhile: that is no
        // doing of A's. Nothing A could do (ship, cancel, refund) shows.
        assertThat(bOrderNow.get("status").asString()).isIn("delivered", "released");
        assertThat(bOrderNow.get("refunded").get("amount").decimalValue()).isZero();
        assertThat(api.get("/api/v1/seller/reviews", b.key()).json().get(0).get("reply").isNull()).isTrue();
        assertThat(api.get("/api/v1/seller/enforcement", b.key()).json().get("actions").get(0).get("appeal").isNull()).isTrue();
        assertThat(api.get("/api/v1/seller/profile", b.key()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/seller/products/" + bProduct, b.key()).status()).isEqualTo(200);
    }

    @Test
    void aSkuCodeAnotherSellerUsesRevealsNothingAboutThem() {
        var api = new Api(port);
        var shop = new Shop(api);
        String run = Long.toString(System.nanoTime(), 36);
        var a = shop.seller("Code A " + run, "CN", "CNY");
        var b = shop.seller("Code B " + run, "CN", "CNY");
        String body = """
                {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Lamp %s","description":"A lamp"}],
                 "skus":[{"code":"SAME-%s","basePrice":{"amount":10,"currency":"CNY"},"weightGrams":300,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%s","available":5}]}]}""";
        var first = api.post("/api/v1/seller/products", b.key(), body.formatted("B", run, b.warehouseId()));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var second = api.post("/api/v1/seller/products", a.key(), body.formatted("A", run, a.warehouseId()));
        assertThat(second.status()).as(second.body()).isIn(201, 409);
        assertThat(second.body()).doesNotContain(b.sellerId().toString()).doesNotContain("Code B").doesNotContain(first.json().get("id").asString());
    }

    private static String fill(String template, Map<String, String> ids, boolean anyId) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (name.equals("market")) {
                value = "PH";
            } else if (name.equals("month")) {
                value = YearMonth.now(ZoneOffset.UTC).toString();
            } else if (anyId) {
                value = name.equals("code") || name.equals("origin") || name.equals("destination") ? "XX" : UUID.randomUUID().toString();
            } else {
                String resource = template.substring("/api/v1/seller/".length()).split("/")[0];
                value = ids.get(resource);
                assertThat(value).as("an id of seller B for {" + name + "} in " + template + ": add one to this test").isNotNull();
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** A body that would be accepted for the seller's own resource, so that only ownership can refuse it. */
    private static String body(String template) {
        if (template.endsWith("/reply")) {
            return "{\"text\":\"Thank you for your review.\"}";
        }
        if (template.endsWith("/appeal")) {
            return "{\"statement\":\"These buyers are real customers of ours.\"}";
        }
        if (template.endsWith("/cancellation")) {
            return "{\"reason\":\"cross-tenant probe\"}";
        }
        if (template.endsWith("/refunds")) {
            return "{\"reason\":\"cross-tenant probe\"}";
        }
        if (template.endsWith("/publications")) {
            return "{\"markets\":[\"PH\"],\"markupPct\":0}";
        }
        if (template.equals("/api/v1/seller/products/{id}")) {
            return """
                    {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Taken over","description":"x"}],
                     "skus":[{"code":"TAKEN","basePrice":{"amount":1,"currency":"CNY"},"weightGrams":1,"lengthMm":1,"widthMm":1,"heightMm":1,"stock":[]}]}""";
        }
        return "{}";
    }

    private static Api.Response call(Api api, String key, String method, String path, String body) {
        var request = api.request(path, key).header("Content-Type", "application/json").header("Idempotency-Key", "probe-" + UUID.randomUUID());
        if (path.contains(".csv")) {
            request.setHeader("Accept", "text/csv");
        }
        return api.send(switch (method) {
            case "get" -> request.GET().build();
            case "delete" -> request.DELETE().build();
            case "put" -> request.PUT(HttpRequest.BodyPublishers.ofString(body)).build();
            case "patch" -> request.method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
            default -> request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        });
    }
}
