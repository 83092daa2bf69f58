package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.support.MovableClock;
import io.entrepot.market.internal.FxStore;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.NotFoundException;
import io.entrepot.support.IntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** ECB reference rates in both published formats, cross rates via the euro, overrides and staleness. */
@IntegrationTest
class ExchangeRatesIntegrationTests {

    private static final CurrencyCode CNY = CurrencyCode.of("CNY");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");
    private static final CurrencyCode PHP = CurrencyCode.of("PHP");
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @Autowired
    FxStore store;
    MovableClock clock;
    ExchangeRates rates;

    @BeforeEach
    void importSamples() throws IOException {
        clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
        rates = new ExchangeRates(store, clock, Duration.ofDays(4), event -> { });
        ActorContext.runAs(Actor.system("test"), () -> {
            // The demo data prices with labelled overrides; these tests are about reference rates.
            for (CurrencyCode quote : new CurrencyCode[] {JPY, PHP, EUR}) {
                rates.clearOverride(CNY, quote);
                rates.clearOverride(CurrencyCode.of("USD"), quote);
            }
            rates.importEcb(readQuietly("fx/eurofxref-daily-sample.csv"));
            rates.importEcb(readQuietly("fx/eurofxref-hist-sample.xml"));
        });
    }

    @Test
    void crossRatesGoThroughTheEuro() {
        ExchangeRate cnyToJpy = rates.current(CNY, JPY);
        assertThat(cnyToJpy.rate()).isEqualByComparingTo(new BigDecimal("162.50").divide(new BigDecimal("7.7000"), MathContext.DECIMAL128));
        assertThat(cnyToJpy.asOf()).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(cnyToJpy.source()).contains("ECB").contains("cross via EUR");
        assertThat(rates.current(EUR, PHP).rate()).isEqualByComparingTo("63.800");
    }

    @Test
    void historicalPublicationsAnswerForTheirDay() {
        ExchangeRate earlier = rates.rateAt(CNY, JPY, Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(earlier.rate()).isEqualByComparingTo(new BigDecimal("160.00").divide(new BigDecimal("7.6500"), MathContext.DECIMAL128));
        assertThat(earlier.asOf()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    void reimportingAddsNothing() throws IOException {
        var again = ActorContext.callAs(Actor.system("test"), () -> rates.importEcb(readQuietly("fx/eurofxref-hist-sample.xml")));
        assertThat(again.publications()).isEqualTo(2);
        assertThat(again.ratesAdded()).isZero();
        assertThat(again.ratesAlreadyKnown()).isEqualTo(8);
    }

    @Test
    void pricingRefusesRatesOlderThanTheAllowedAge() {
        // Currencies no other test imports or overrides, so no newer publication can be in the database.
        CurrencyCode czk = CurrencyCode.of("CZK");
        CurrencyCode huf = CurrencyCode.of("HUF");
        // Published 2026-11-24 15:00 UTC; the clock stands at 2026-11-25 09:00; four days are allowed.
        clock.advance(Duration.ofDays(3).plusHours(6));
        assertThat(rates.current(czk, huf)).isNotNull();
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> rates.current(czk, huf)).isInstanceOf(StaleRateException.class)
                .hasMessageContaining("CZK→HUF").hasMessageContaining("import fresh reference rates");
    }

    @Test
    void bulkPricingGetsNoRateWhereThePairHasNoneOrOnlyAStaleOne() {
        CurrencyCode czk = CurrencyCode.of("CZK");
        CurrencyCode huf = CurrencyCode.of("HUF");
        assertThat(rates.freshRate(czk, huf)).contains(rates.current(czk, huf));
        assertThat(rates.freshRate(CNY, CurrencyCode.of("VND"))).isEmpty();
        clock.advance(Duration.ofDays(3).plusHours(7));
        assertThat(rates.freshRate(czk, huf)).isEmpty();
    }

    @Test
    void financesOverrideWinsUntilCleared() {
        CurrencyCode vnd = CurrencyCode.of("VND");
        assertThatThrownBy(() -> rates.current(CNY, vnd)).isInstanceOf(NotFoundException.class).hasMessageContaining("VND");
        ActorContext.runAs(Actor.system("test"), () -> rates.override(CNY, vnd, new BigDecimal("3520"), "VND not published by the ECB"));
        assertThat(rates.current(CNY, vnd).rate()).isEqualByComparingTo("3520");
        assertThat(rates.current(vnd, CNY).rate()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("3520"), MathContext.DECIMAL128));
        ActorContext.runAs(Actor.system("test"), () -> rates.clearOverride(CNY, vnd));
        assertThatThrownBy(() -> rates.current(CNY, vnd)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void malformedFilesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> rates.importEcb("Date, USD\n24 November 2026, abc\n".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("abc");
        assertThatThrownBy(() -> rates.importEcb("<Envelope><nothing/></Envelope>".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cube");
        assertThatThrownBy(() -> rates.importEcb("""
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rates.importEcb("Date, USD\n24 November 2026, 1.08, 1.09, 1.10\n".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] read(String resource) throws IOException {
        return new ClassPathResource(resource).getContentAsByteArray();
    }

    private static byte[] readQuietly(String resource) {
        try {
            return read(resource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
