package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Every wrong review, reply, report, decision and appeal gets a clear 4xx problem, and nothing is written. */
@IntegrationTest
class ReviewBadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void wrongReviewsAreRefusedWithTheirReasonAndLeaveNoRow() {
        var api = new Api(port);
        var buy = new DeliveredPurchases(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        var seller = new Shop(api).seller("Careful Lamps " + run, "CN", "CNY");
        var other = new Shop(api).seller("Other Lamps " + run, "CN", "CNY");
        var lamp = buy.product(seller, "Reading lamp " + run, "60.00");
        var delivered = buy.deliveredWithoutScans(seller, lamp.offerId(), "reader-" + run + "@example.com", "3 Luna St", "tok_careful_" + run);
        var undelivered = buy.place(lamp.offerId(), "waiting-" + run + "@example.com", "4 Luna St", "tok_waiting_" + run);
        String text = GenuineTexts.forRun(1, System.nanoTime()).getFirst();
        long reviews = count("reviews.review");

        problem(buy.review(delivered, 0, text, "en"), 400, "rating");
        problem(buy.review(delivered, 6, text, "en"), 400, "rating");
        problem(buy.review(delivered, 5, "x".repeat(4001), "en"), 400, "text");
        problem(buy.review(delivered, 5, "   ", "en"), 400, "text");
        problem(buy.review(delivered, 5, text, "english"), 400, "locale");
        problem(buy.review(undelivered.line(), "waiting-" + run + "@example.com", 5, text, "en"), 409, "delivered");
        problem(buy.review(delivered.line(), "someone-else@example.com", 5, text, "en"), 403, "another buyer");
        problem(buy.review(UUID.randomUUID(), delivered.email(), 5, text, "en"), 404, "order line");
        problem(api.post("/api/v1/storefront/SG/reviews", null, """
                {"orderLineId":"%s","email":"%s","rating":5,"text":"Fine lamp.","locale":"en"}""".formatted(delivered.line(), delivered.email())),
                422, "bought in PH");
        problem(api.post("/api/v1/storefront/PH/reviews", null, """
                {"orderLineId":"%s","email":"%s","rating":5,"text":"Fine lamp.","locale":"en","photoUrls":["http://insecure.example/a.jpg"]}"""
                .formatted(delivered.line(), delivered.email())), 400, "https");
        problem(api.post("/api/v1/storefront/PH/reviews", null, "{\"orderLineId\":\"not-a-uuid\",\"rating\":5}"), 400, null);
        problem(api.post("/api/v1/storefront/PH/reviews", null, "{\"orderLineId\":"), 400, null);
        problem(api.post("/api/v1/storefront/PH/reviews", null, """
                {"orderLineId":"%s","email":"%s","rating":"five","text":"Fine lamp.","locale":"en"}""".formatted(delivered.line(), delivered.email())),
                400, null);
        assertThat(count("reviews.review")).isEqualTo(reviews);

        // The good review, with photos whose addresses carry a comma and a quote (stored as a text array, read back as sent).
        var first = api.post("/api/v1/storefront/PH/reviews", null, """
                {"orderLineId":"%s","email":"%s","rating":4,"text":%s,"locale":"en",
                 "photoUrls":["https://img.example/lamp,front.jpg","https://img.example/lamp%%22side%%22.jpg"]}"""
                .formatted(delivered.line(), delivered.email(), Api.jsonString(text)));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var shown = api.get("/api/v1/storefront/PH/products/" + lamp.productId() + "/reviews", null).json().get("reviews").get(0);
        assertThat(shown.get("photoUrls").valueStream().map(tools.jackson.databind.JsonNode::asString).toList())
                .containsExactly("https://img.example/lamp,front.jpg", "https://img.example/lamp%22side%22.jpg");
        problem(buy.review(delivered, 5, GenuineTexts.forRun(1, System.nanoTime()).getFirst(), "en"), 409, "already");
        assertThat(count("reviews.review")).isEqualTo(reviews + 1);
        String review = first.json().get("id").asString();

        // Replies: only the product's seller, once, within the limit.
        problem(api.post("/api/v1/seller/reviews/" + review + "/reply", other.key(), "{\"text\":\"Not mine to answer.\"}"), 404, null);
        problem(api.post("/api/v1/seller/reviews/" + review + "/reply", seller.key(), "{\"text\":\"" + "y".repeat(2001) + "\"}"), 400, "text");
        assertThat(api.post("/api/v1/seller/reviews/" + review + "/reply", seller.key(), "{\"text\":\"Thank you!\"}").status()).isEqualTo(200);
        problem(api.post("/api/v1/seller/reviews/" + review + "/reply", seller.key(), "{\"text\":\"Thanks again!\"}"), 409, "already replied");

        // Reports, moderator decisions and appeals.
        problem(api.post("/api/v1/storefront/PH/reviews/" + review + "/reports", null, "{\"reason\":\"\"}"), 400, "reason");
        problem(api.post("/api/v1/storefront/PH/reviews/" + UUID.randomUUID() + "/reports", null, "{\"reason\":\"spam\"}"), 404, null);
        long decisions = count("reviews.moderation_decision");
        problem(api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, """
                {"reviewIds":["%s"],"decision":"hold","reason":"why not"}""".formatted(review)), 400, "decision");
        problem(api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, "{\"reviewIds\":[],\"decision\":\"remove\",\"reason\":\"empty\"}"), 400, null);
        problem(api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, """
                {"reviewIds":["%s","%s"],"decision":"remove","reason":"one of them does not exist"}""".formatted(review, UUID.randomUUID())), 404, null);
        problem(api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, """
                {"reviewIds":["%s"],"decision":"remove","reason":""}""".formatted(review)), 400, "reason");
        assertThat(count("reviews.moderation_decision")).isEqualTo(decisions);
        assertThat(api.get("/api/v1/ops/reviews/" + review, Api.ADMIN_KEY).json().get("review").get("status").asString()).isEqualTo("published");
        problem(api.post("/api/v1/seller/enforcement/" + UUID.randomUUID() + "/appeal", seller.key(), "{\"statement\":\"too short\"}"), 400, "statement");
        problem(api.post("/api/v1/seller/enforcement/" + UUID.randomUUID() + "/appeal", seller.key(),
                "{\"statement\":\"A perfectly reasonable statement of grounds.\"}"), 404, null);
        problem(api.post("/api/v1/ops/appeals/" + UUID.randomUUID() + "/decision", Api.ADMIN_KEY,
                "{\"decision\":\"maybe\",\"reason\":\"undecided\"}"), 400, "decision");
        problem(api.get("/api/v1/storefront/PH/products/not-a-product/reviews", null), 400, null);
        problem(api.get("/api/v1/ops/reviews?status=lost", Api.ADMIN_KEY), 400, "status");
        // A seller's key is not a trust & safety key.
        problem(api.get("/api/v1/ops/reviews", seller.key()), 403, null);
    }

    private static void problem(Api.Response response, int status, String mentioning) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (mentioning != null) {
            assertThat(response.body()).containsIgnoringCase(mentioning);
        }
    }

    private long count(String table) {
        return new SystemSql(jdbc, tx).number("select count(*) from " + table);
    }
}
