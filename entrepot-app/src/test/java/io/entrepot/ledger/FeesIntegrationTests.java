package io.entrepot.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Money;
import io.entrepot.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fee engine over the seeded schedules and promotions (ledger V20). */
@IntegrationTest
class FeesIntegrationTests {

    @Autowired
    Fees fees;

    final Instant now = Instant.now();
    final Instant longAgo = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aSellerPaysNoCommissionInItsFirst90DaysAndTheScheduleAfterwards() {
        var newcomer = fees.commission(sale("PH", "lighting", "home", now.minus(Duration.ofDays(89)), longAgo), php("1000.00"));
        assertThat(newcomer.amount()).isEqualTo(php("0.00"));
        assertThat(newcomer.rule()).contains("first 90 days").contains("(0%)");
        var settled = fees.commission(sale("PH", "lighting", "home", now.minus(Duration.ofDays(91)), longAgo), php("1000.00"));
        assertThat(settled.amount()).isEqualTo(php("80.00"));
        assertThat(settled.rule()).isEqualTo("schedule 8% (all markets, all categories)");
    }

    @Test
    void theMostSpecificScheduleAppliesByCategoryOrItsParent() {
        assertThat(fees.commission(sale("PH", "phone-accessories", "electronics", longAgo, longAgo), php("1000.00")).amount()).isEqualTo(php("50.00"));
        assertThat(fees.commission(sale("PH", "silk-scarves", "fashion", longAgo, longAgo), php("1000.00")).rule()).contains("12%");
    }

    @Test
    void aMarketScheduleWithFixedPartMinimumAndMaximum() {
        // JP: 10% + ¥30, at least ¥100, at most ¥5,000 — and never more than the sale itself.
        assertThat(fees.commission(sale("JP", "lighting", "home", longAgo, longAgo), jpy(500)).amount()).isEqualTo(jpy(100));
        assertThat(fees.commission(sale("JP", "lighting", "home", longAgo, longAgo), jpy(10_000)).amount()).isEqualTo(jpy(1_030));
        assertThat(fees.commission(sale("JP", "lighting", "home", longAgo, longAgo), jpy(100_000)).amount()).isEqualTo(jpy(5_000));
        assertThat(fees.commission(sale("JP", "lighting", "home", longAgo, longAgo), jpy(50)).amount()).isEqualTo(jpy(50));
    }

    @Test
    void aNewlyOpenedMarketHasNoCommissionForItsFirst60Days() {
        Instant promotionStart = fees.promotions().stream().filter(p -> p.cohort().equals("market_first_days")).findFirst().orElseThrow().activeFrom();
        Instant opened = promotionStart.plus(Duration.ofDays(1));
        var early = fees.commission(new Fees.Sale("CH", "lighting", "home", longAgo, opened, opened.plus(Duration.ofDays(59))), chf("100.00"));
        assertThat(early.amount()).isEqualTo(chf("0.00"));
        assertThat(early.rule()).contains("New market");
        var later = fees.commission(new Fees.Sale("CH", "lighting", "home", longAgo, opened, opened.plus(Duration.ofDays(61))), chf("100.00"));
        assertThat(later.amount()).isEqualTo(chf("8.00"));
        // A market that was open before the promotion started is not "newly opened".
        var seeded = fees.commission(new Fees.Sale("PH", "lighting", "home", longAgo, promotionStart.minus(Duration.ofDays(1)),
                promotionStart.plus(Duration.ofDays(5))), php("100.00"));
        assertThat(seeded.amount()).isEqualTo(php("8.00"));
    }

    @Test
    void thePaymentFeeIsCharged() {
        assertThat(fees.paymentFee("PH", now, php("1822.00")).amount()).isEqualTo(php("52.84"));
    }

    @Test
    void feesAreGivenBackInProportionRoundedDown() {
        assertThat(Fees.givenBack(php("145.76"), php("1822.00"), php("869.11"))).isEqualTo(php("69.52"));
        assertThat(Fees.givenBack(php("145.76"), php("1822.00"), php("1822.00"))).isEqualTo(php("145.76"));
    }

    private Fees.Sale sale(String market, String category, String parent, Instant joined, Instant opened) {
        return new Fees.Sale(market, category, parent, joined, opened, now);
    }

    private static Money php(String amount) {
        return Money.of(new java.math.BigDecimal(amount), io.entrepot.shared.CurrencyCode.of("PHP"));
    }

    private static Money chf(String amount) {
        return Money.of(new java.math.BigDecimal(amount), io.entrepot.shared.CurrencyCode.of("CHF"));
    }

    private static Money jpy(long amount) {
        return Money.ofMinor(amount, "JPY");
    }
}
