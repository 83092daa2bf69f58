package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The logistics pages over the demo data: the past disruption and its run, sellers' parcels, buyers' tracking. */
@IntegrationTest
class LogisticsPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void logisticsStaffSeeThePastDisruptionItsFinishedRunAndItsReport() {
        var logistics = new BrowserSession(port);
        logistics.signIn("logistics@entrepot.example", "entrepot-demo");
        var list = logistics.get("/console/disruptions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("US-JFK-IMPORT").contains("customs IT outage at New York JFK");
        Matcher disruption = Pattern.compile("href=\"/console/disruptions/([0-9a-f-]{36})\"").matcher(list.body());
        String page = null;
        while (disruption.find()) {
            String candidate = logistics.get("/console/disruptions/" + disruption.group(1)).body();
            if (candidate.contains("New York JFK")) {
                page = candidate;
                break;
            }
        }
        assertThat(page).as("the demo disruption's page").isNotNull();
        assertThat(page).contains("data-total=\"0\"").contains("Finished");
        Matcher run = Pattern.compile("href=\"/console/remediations/([0-9a-f-]{36})\"").matcher(page);
        assertThat(run.find()).isTrue();
        var runPage = logistics.get("/console/remediations/" + run.group(1));
        assertThat(runPage.body()).contains("data-percent=\"100\"").contains("Hanoi Silk House").contains("3 done, 0 failed, 0 left of 3");
        var csv = logistics.get("/console/remediations/" + run.group(1) + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("seller_id,seller_name,currency").contains("Hanoi Silk House,USD,0,3,0,0,0,");

        var compliance = new BrowserSession(port);
        compliance.signIn("compliance@entrepot.example", "entrepot-demo");
        assertThat(compliance.get("/console/disruptions").statusCode()).isEqualTo(403);
    }

    @Test
    void sellersSeeTheirOwnParcelsAndMessagesAndBuyersTheirTracking() {
        var silk = new BrowserSession(port);
        silk.signIn("seller@silk.example", "entrepot-demo");
        var shipments = silk.get("/seller/shipments");
        assertThat(shipments.statusCode()).isEqualTo(200);
        assertThat(shipments.body()).contains("Back to you").contains("Returned to the seller").contains("id=\"notifications\"")
                .contains("remediated").doesNotContain("LUMEN");
        var lumen = new BrowserSession(port);
        lumen.signIn("seller@lumen.example", "entrepot-demo");
        var lumenShipments = lumen.get("/seller/shipments").body();
        assertThat(lumenShipments).contains("Delivered").contains("In transit").doesNotContain("Back to you").doesNotContain("id=\"notifications\"");

        var buyer = new BrowserSession(port);
        buyer.signIn("buyer@entrepot.example", "entrepot-demo");
        Matcher order = Pattern.compile("href=\"/store/orders/([0-9a-f-]{36})\"").matcher(buyer.get("/store/orders").body());
        boolean tracked = false;
        while (order.find() && !tracked) {
            String body = buyer.get("/store/orders/" + order.group(1)).body();
            tracked = body.contains("data-tracking=") && body.contains("Delivered") && body.contains("Lumen Home");
        }
        assertThat(tracked).as("a delivered demo order shows its sellers and its parcel's tracking").isTrue();
        // The JP demo order was a guest's: the signed-in buyer cannot open it, nor can a seller read it whole.
        var admin = new BrowserSession(port);
        admin.signIn("admin@entrepot.example", "entrepot-demo");
        Matcher guestOrder = Pattern.compile("href=\"/console/orders/([0-9a-f-]{36})\">[^<]*</a></td>\\s*<td>[^<]*</td><td>JP</td>")
                .matcher(admin.get("/console/orders").body());
        assertThat(guestOrder.find()).isTrue();
        assertThat(buyer.get("/store/orders/" + guestOrder.group(1)).statusCode()).isEqualTo(404);
        assertThat(lumen.get("/store/orders/" + guestOrder.group(1)).statusCode()).isEqualTo(404);
    }
}
