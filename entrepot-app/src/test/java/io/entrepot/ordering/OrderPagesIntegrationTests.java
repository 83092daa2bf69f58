package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order and money pages over the demo orders: each audience sees its own, other roles are refused. */
@IntegrationTest
class OrderPagesIntegrationTests {

    @LocalServerPort
    int port;

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
    void operatorsSearchOrdersAndTheComplianceRoleCannot() {
        var admin = new BrowserSession(port);
        admin.signIn("admin@entrepot.example", "entrepot-demo");
        var search = admin.get("/console/orders?q=buyer%40entrepot.example");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Lumen Home").contains("Hanoi Silk House");
        var declined = admin.get("/console/orders?status=payment_declined");
        assertThat(declined.body()).contains("payment declined");
        var compliance = new BrowserSession(port);
        compliance.signIn("compliance@entrepot.example", "entrepot-demo");
        assertThat(compliance.get("/console/orders").statusCode()).isEqualTo(403);
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
