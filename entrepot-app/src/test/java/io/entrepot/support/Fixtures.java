package io.entrepot.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Ready-made states for API tests: fresh reference rates, active sellers with warehouses. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Imports yesterday's reference rates (so they are fresh whenever the test runs) as a finance key. */
    public static void freshRates(Api api) {
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"rates\"}")
                .json().get("key").asString();
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1)
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        var response = api.send(api.request("/api/v1/ops/fx/ecb", finance).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        Date, USD, JPY, CNY, PHP, SGD, GBP, CHF,
                        %s, 1.0850, 162.50, 7.7000, 63.800, 1.4300, 0.83500, 0.9350,
                        """.formatted(day))).build());
        if (response.status() != 200) {
            throw new IllegalStateException("rates import failed: " + response);
        }
        // The demo data prices with labelled overrides; these tests are about reference rates.
        for (String currency : new String[] {"USD", "JPY", "PHP", "SGD", "GBP", "CHF", "EUR"}) {
            api.delete("/api/v1/ops/fx/overrides/CNY/" + currency, finance);
        }
        for (String currency : new String[] {"JPY", "PHP", "SGD", "GBP", "AUD", "EUR"}) {
            api.delete("/api/v1/ops/fx/overrides/USD/" + currency, finance);
        }
    }

    /** An active seller in Yiwu with a warehouse in China; returns its API key. */
    public static SellerWithKey activeChineseSeller(Api api, String name) {
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, """
                {"legalName":"%s","country":"CN","status":"active","originZone":"Yiwu","payoutCurrency":"CNY",
                 "warehouses":[{"name":"Yiwu DC","kind":"origin","country":"CN"}]}
                """.formatted(name));
        UUID id = UUID.fromString(created.json().get("id").asString());
        UUID warehouse = UUID.fromString(created.json().get("warehouses").get(0).get("id").asString());
        return new SellerWithKey(id, api.newSellerKey(id), warehouse);
    }

    public record SellerWithKey(UUID sellerId, String key, UUID warehouseId) {
    }
}
