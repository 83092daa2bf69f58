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
                .matcher(admin.get("/console/orders?q=buyer%40entrepot.example").body());
        assertThat(guestOrder.find()).isTrue();
        assertThat(buyer.get("/store/orders/" + guestOrder.group(1)).statusCode()).isEqualTo(404);
        assertThat(lumen.get("/store/orders/" + guestOrder.group(1)).statusCode()).isEqualTo(404);
    }

    @Test
    void logisticsStaffOpenAndCloseLanesAndUploadTrackingEvents() {
        var logistics = new BrowserSession(port);
        logistics.signIn("logistics@entrepot.example", "entrepot-demo");
        var page = logistics.get("/console/lanes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CN → VN").contains("VN-SGN-IMPORT").contains("CN-SZX-EXPORT");
        String csrf = BrowserSession.csrf(page.body());
        String service = "Console Air " + java.util.UUID.randomUUID().toString().substring(0, 8);
        var opened = logistics.postForm("/console/lanes", "originCountry=cn&destinationMarket=th&carrierService=" + service.replace(" ", "+")
                + "&transitDaysMin=4&transitDaysMax=9&importCheckpoint=TH-BKK-IMPORT&_csrf=" + csrf);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        assertThat(logistics.get("/console/lanes").body()).contains(service);
        var wrongCheckpoint = logistics.postForm("/console/lanes", "originCountry=CN&destinationMarket=TH&carrierService=x&transitDaysMin=4"
                + "&transitDaysMax=9&importCheckpoint=VN-SGN-IMPORT&_csrf=" + csrf);
        assertThat(wrongCheckpoint.statusCode()).isEqualTo(400);
        assertThat(wrongCheckpoint.body()).contains("not an import checkpoint in TH");
        var backwards = logistics.postForm("/console/lanes", "originCountry=CN&destinationMarket=TH&carrierService=x&transitDaysMin=9"
                + "&transitDaysMax=4&_csrf=" + csrf);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(logistics.postForm("/console/lanes/close", "originCountry=CN&destinationMarket=TH&carrierService=" + service.replace(" ", "+")
                + "&_csrf=" + csrf).statusCode()).isEqualTo(302);

        var lumen = new BrowserSession(port);
        lumen.signIn("seller@lumen.example", "entrepot-demo");
        // A parcel still in transit (the demo also has delivered ones, to which a later scan would come too late).
        Matcher number = Pattern.compile("<tr><td>(EP\\d{12}XX)</td><td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>In transit</td>")
                .matcher(lumen.get("/seller/shipments").body());
        assertThat(number.find()).isTrue();
        var uploaded = logistics.postFile("/console/tracking-events?_csrf=" + csrf, java.util.Map.of("carrier", "entrepot-air"), "file", "events.csv",
                "event_id,tracking_number,status,occurred_at,location\nconsole-" + java.util.UUID.randomUUID() + "," + number.group(1)
                        + ",out_for_delivery," + java.time.Instant.now().minusSeconds(600) + ",Sorting hub\nbad-row,EP1,in_transit,yesterday,\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("1 applied, 0 recorded or repeated, 1 rejected").contains("occurred_at is not an ISO-8601 instant");
        assertThat(lumen.get("/seller/shipments").body()).contains("Out for delivery");
        var compliance = new BrowserSession(port);
        compliance.signIn("compliance@entrepot.example", "entrepot-demo");
        assertThat(compliance.get("/console/lanes").statusCode()).isEqualTo(403);
    }
}
