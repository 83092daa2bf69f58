package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.SystemSql;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seller's monthly transparency summary, sent once per month as a webhook; and the operator's
 * first-party retail team, which is no staff: it reads no seller's rows, holds no grants, and sees
 * category statistics only.
 */
@IntegrationTest
class TransparencyAndFirstPartyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessLog log;

    @Autowired
    TransparencyReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aSellerIsSentItsMonthlySummaryOnceWithWhoLookedWhyAndHowOften() {
        var api = new Api(port);
        UUID seller = api.newSeller("Transparent Teas " + UUID.randomUUID());
        String key = api.newSellerKey(seller);
        var registered = api.send(api.request("/api/v1/seller/webhook", key).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"https://hooks.example.com/entrepot\"}")).build());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        String initiator = "operator:" + UUID.randomUUID();
        ActorContext.runAs(Actor.system("disruption-remediation"), () -> tx.executeWithoutResult(s -> {
            log.recordSystem(new SellerId(seller), "remediation.report", List.of("run:1"), initiator);
            log.recordSystem(new SellerId(seller), "remediation.report", List.of("run:2"), initiator);
        }));
        YearMonth month = YearMonth.now(ZoneOffset.UTC);

        assertThat(reports.send(new SellerId(seller), month)).isTrue();
        assertThat(reports.send(new SellerId(seller), month)).as("once per seller and month").isFalse();
        var summary = api.get("/api/v1/seller/access-log/summary/" + month, key).json();
        assertThat(summary.get("accesses").asLong()).isEqualTo(2);
        assertThat(summary.get("lines").get(0).get("purpose").asString()).isEqualTo("system:disruption-remediation");
        assertThat(summary.get("lines").get(0).get("actor").asString()).endsWith("for " + initiator);
        var sent = api.get("/api/v1/seller/access-log/summaries", key).json();
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.get(0).get("month").asString()).isEqualTo(month.toString());
        var sql = new SystemSql(jdbc, tx);
        assertThat(sql.number("select count(*) from seller.webhook_delivery where seller_id = '" + seller
                + "' and event_type = 'access_log.monthly_summary' and payload ->> 'accesses' = '2'")).isEqualTo(1);

        String compliance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"compliance\",\"label\":\"reports\"}").json().get("key").asString();
        assertThat(api.post("/api/v1/ops/transparency-reports/" + month, compliance, "{}").status()).as("the month has not ended").isEqualTo(400);
        var previous = api.post("/api/v1/ops/transparency-reports/" + month.minusMonths(1), compliance, "{}");
        assertThat(previous.status()).as(previous.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/ops/transparency-reports/not-a-month", compliance, "{}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/seller/access-log/summary/2026-13", key).status()).isEqualTo(400);
    }

    @Test
    void theFirstPartyRetailTeamReadsNoSellersRowsHoldsNoGrantAndSeesOnlyAggregates() {
        var api = new Api(port);
        var issued = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"first_party_retail\",\"label\":\"own brand\"}").json();
        String retail = issued.get("key").asString();
        String lumen = new SystemSql(jdbc, tx).text("select id::text from demo.ref where name = 'lumen'");
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        assertThat(api.get("/api/v1/ops/orders?q=buyer@entrepot.example", retail).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ops/sellers/" + lumen + "/statements/" + month + "?currency=CNY", retail).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/seller/orders", retail).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ops/audit/verification", retail).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/ops/access-grants", retail, """
                {"sellerId":"%s","scopes":["orders"],"purpose":"dispute","reference":"X","hours":1}""".formatted(lumen)).status()).isEqualTo(403);
        var statistics = api.get("/api/v1/insights/markets/PH/categories/" + month, retail);
        assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
        assertThat(statistics.body()).doesNotContain(lumen).doesNotContain("sellerId");

        // And in the database, with no application in between: not one seller row, even with an
        // approved grant somewhere for that user id (the retail role is not staff).
        var actor = new Actor.Operator(UUID.fromString(issued.get("id").asString()), Set.of(OperatorRole.FIRST_PARTY_RETAIL));
        for (String table : List.of("ordering.seller_order", "ordering.order_line", "ledger.posting", "ledger.account", "catalog.product",
                "catalog.stock", "logistics.shipment", "reviews.review", "governance.access_log", "governance.access_grant")) {
            long rows = ActorContext.callAs(actor, () -> tx.execute(s -> jdbc.sql("select count(*) from " + table).query(Long.class).single()));
            assertThat(rows).as(table).isZero();
        }
        long all = new SystemSql(jdbc, tx).number("select count(*) from ordering.seller_order");
        assertThat(all).as("there are seller orders to hide").isPositive();
    }
}
