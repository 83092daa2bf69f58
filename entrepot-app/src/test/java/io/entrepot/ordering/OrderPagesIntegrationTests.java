package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.SystemSql;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The order and money pages over the demo orders: each audience sees its own, other roles are refused. */
@IntegrationTest
class OrderPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void eachSellerSeesItsOwnDemoOrdersAndMoney() {
        var lumen = new BrowserSession(port);
        lumen.signIn("seller@lumen.example", "entrepot-demo");
        var orders = lumen.get("/seller/orders");
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("Paper lantern pendant lamp").doesNotContain("Hand-rolled silk scarf");
        var money = lumen.get("/seller/money?currency=CNY");
        assertThat(money.statusCode()).isEqualTo(200);
        assertThat(money.body()).contains("id=\"statement\"").contains("captured on shipment").contains("id=\"payouts\"");
        var csv = lumen.get("/seller/statements/" + java.time.YearMonth.now(java.time.ZoneOffset.UTC) + ".csv?currency=CNY");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("date,entry,source_type,source_id,account,amount,currency,description");

        var silk = new BrowserSession(port);
        silk.signIn("seller@silk.example", "entrepot-demo");
        var silkOrders = silk.get("/seller/orders");
        assertThat(silkOrders.body()).contains("Hand-rolled silk scarf").doesNotContain("Paper lantern pendant lamp");
        assertThat(silk.get("/seller/money?currency=USD").body()).contains("USD");
    }

    @Test
    void operatorsSeeASellersPartOfAnOrderOnlyUnderAnApprovedGrantAndTheSellerSeesThatInItsLog() {
        String lumen = new SystemSql(jdbc, tx).text("select id from demo.ref where name = 'lumen'");
        var admin = new BrowserSession(port);
        admin.signIn("admin@entrepot.example", "entrepot-demo");
        var search = admin.get("/console/orders?q=buyer%40entrepot.example");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).as("the buyer's orders, but no seller's part without a grant")
                .contains("buyer@entrepot.example").doesNotContain("Lumen Home").doesNotContain("Hanoi Silk House");

        String reference = "SUP-" + UUID.randomUUID().toString().substring(0, 8);
        var grants = admin.get("/console/access-grants");
        assertThat(admin.postForm("/console/access-grants", "_csrf=" + BrowserSession.csrf(grants.body()) + "&sellerId=" + lumen
                + "&scopes=orders&purpose=seller_support&reference=" + reference + "&hours=2").statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/orders?q=buyer%40entrepot.example").body()).as("requested, not yet approved").doesNotContain("Lumen Home");

        var compliance = new BrowserSession(port);
        compliance.signIn("compliance@entrepot.example", "entrepot-demo");
        var pending = compliance.get("/console/access-grants").body();
        var id = java.util.regex.Pattern.compile("id=\"pending-([0-9a-f-]{36})\">\\s*<p><strong>[^<]*</strong> · " + lumen + "[^<]*" + reference)
                .matcher(pending);
        assertThat(id.find()).as(pending).isTrue();
        assertThat(compliance.postForm("/console/access-grants/" + id.group(1) + "/approval", "_csrf=" + BrowserSession.csrf(pending))
                .statusCode()).isEqualTo(302);

        var granted = admin.get("/console/orders?q=buyer%40entrepot.example").body();
        assertThat(granted).contains("Lumen Home").doesNotContain("Hanoi Silk House");

        var seller = new BrowserSession(port);
        seller.signIn("seller@lumen.example", "entrepot-demo");
        assertThat(seller.get("/seller/access-log?q=" + reference).body()).contains(reference).contains("order.search").contains("Your support ticket");
        var silk = new BrowserSession(port);
        silk.signIn("seller@silk.example", "entrepot-demo");
        assertThat(silk.get("/seller/access-log?q=" + reference).body()).as("another seller's log has no such entry").contains("id=\"access-log-empty\"")
                .doesNotContain("order.search");

        assertThat(compliance.get("/console/orders").statusCode()).as("compliance approves access, it does not look at orders").isEqualTo(403);

        // Ended here, so a rerun on the same database (within the grant's two hours) starts again without access.
        var console = admin.get("/console/access-grants").body();
        assertThat(admin.postForm("/console/access-grants/" + id.group(1) + "/revocation", "_csrf=" + BrowserSession.csrf(console)
                + "&reason=test+done").statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/orders?q=buyer%40entrepot.example").body()).as("revoked").doesNotContain("Lumen Home");
    }

    @Test
    void theSignedInBuyerSeesTheirOrderHistory() {
        var buyer = new BrowserSession(port);
        buyer.signIn("buyer@entrepot.example", "entrepot-demo");
        var history = buyer.get("/store/orders");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("id=\"orders\"").contains("PH").contains("GB");
        var anonymous = new BrowserSession(port);
        assertThat(anonymous.get("/store/orders").statusCode()).isEqualTo(302);
    }
}
