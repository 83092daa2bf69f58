package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Duty rates are data; the most specific one applies, and an unknown duty is said to be unknown. */
@IntegrationTest
class DutyRatesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theMostSpecificRateAppliesAndUnknownIsNotZero() {
        var api = new Api(port);
        var general = api.get("/api/v1/ops/markets/ID/duty-rate?hsChapter=94&origin=CN", Api.ADMIN_KEY).json();
        assertThat(general.get("known").asBoolean()).isTrue();
        assertThat(general.get("rate").get("ratePct").decimalValue()).isEqualByComparingTo("7.5");

        var added = api.post("/api/v1/ops/markets/ID/duty-rates", Api.ADMIN_KEY, """
                {"hsChapter":"42","ratePct":15,"basisNote":"bags (MFN, test)","effectiveFrom":"2020-01-01T00:00:00Z",
                 "source":"test","asOf":"2026"}
                """);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/ops/markets/ID/duty-rate?hsChapter=42&origin=CN", Api.ADMIN_KEY).json()
                .get("rate").get("ratePct").decimalValue()).isEqualByComparingTo("15");
        assertThat(api.get("/api/v1/ops/markets/ID/duty-rate?hsChapter=94&origin=CN", Api.ADMIN_KEY).json()
                .get("rate").get("ratePct").decimalValue()).isEqualByComparingTo("7.5");

        var unknown = api.get("/api/v1/ops/markets/PH/duty-rate?hsChapter=94&origin=CN", Api.ADMIN_KEY).json();
        assertThat(unknown.get("known").asBoolean()).isFalse();
        assertThat(unknown.get("rate").isNull()).isTrue();
    }

    @Test
    void badDutyRatesAreRefused() {
        var api = new Api(port);
        assertThat(api.post("/api/v1/ops/markets/ID/duty-rates", Api.ADMIN_KEY,
                "{\"ratePct\":150,\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"source\":\"x\",\"asOf\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/ops/markets/ID/duty-rates", Api.ADMIN_KEY,
                "{\"hsChapter\":\"4\",\"ratePct\":5,\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"source\":\"x\",\"asOf\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/markets/ID/duty-rate?hsChapter=x&origin=CN", Api.ADMIN_KEY).status()).isEqualTo(400);
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"duty\"}").json().get("key").asString();
        assertThat(api.post("/api/v1/ops/markets/ID/duty-rates", finance,
                "{\"ratePct\":5,\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"source\":\"x\",\"asOf\":\"x\"}").status()).isEqualTo(403);
    }
}
