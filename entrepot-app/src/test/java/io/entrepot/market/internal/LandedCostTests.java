package io.entrepot.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.market.DutyRate;
import io.entrepot.market.LandedCost;
import io.entrepot.market.LandedCost.Status;
import io.entrepot.market.MarketCode;
import io.entrepot.market.TradeRules;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quotes compared with examples worked out by hand from the shipped trade rules (data/markets/trade_rules.csv).
 * Duty rates are given per test, as an operator would configure them; where none is given the duty is unknown.
 */
class LandedCostTests {

    private static final List<TradeRules> RULES = MarketReferenceData.tradeRules();

    @Test
    void philippinesExemptsParcelsUpToTenThousandPesosFob() {
        var a = assess("PH", "2026-11-29", "CN", "411.61", Map.of(), item("94", "911.00", 1), item("94", "1367.00", 1));
        assertThat(a.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(a.tax().status()).isEqualTo(Status.NOT_DUE);
        assertThat(a.duty().explanation()).contains("FOB value 2278.00 PHP").contains("10000.00 PHP");
        assertThat(a.atCheckout().minor()).isZero();
    }

    @Test
    void philippinesAboveTheDeMinimisEstimatesVatAtTheBorderAndDutyByTheKnownRate() {
        // FOB 12,000 > 10,000: duty 10% × 12,000 = 1,200.00; VAT 12% × (12,000 + 500 + 1,200) = 1,644.00, both paid at the border.
        var a = assess("PH", "2026-11-29", "CN", "500.00", Map.of("PH94", "10"), item("94", "6000.00", 2));
        assertThat(a.duty()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "1200.00 PHP");
        assertThat(a.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "1644.00 PHP");
        assertThat(a.collectedAtCheckout()).isFalse();
        assertThat(a.borderEstimate().toString()).isEqualTo("2844.00 PHP");
        assertThat(a.atCheckout().minor()).isZero();
    }

    @Test
    void anUnknownDutyRateIsShownAsUnknownNeverAsZero() {
        var a = assess("PH", "2026-11-29", "CN", "500.00", Map.of(), item("94", "6000.00", 2));
        assertThat(a.duty().status()).isEqualTo(Status.UNKNOWN);
        assertThat(a.duty().explanation()).contains("no duty rate is known for HS 94 from CN");
        // VAT 12% × 12,500 (goods and shipping; the unknown duty is not in the base) = 1,500.00.
        assertThat(a.tax().amount().toString()).isEqualTo("1500.00 PHP");
        assertThat(a.tax().explanation()).contains("unknown duty not included");
    }

    @Test
    void singaporeChargesGstAtCheckoutOnLowValueGoodsAndLeavesDearerOnesToTheBorder() {
        // 2 × 50.00 + 8.00 shipping = 108.00; GST 9% = 9.72, charged at checkout; duty 0% on general goods.
        var low = assess("SG", "2026-11-29", "CN", "8.00", Map.of("SG", "0"), item("94", "50.00", 2));
        assertThat(low.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "9.72 SGD");
        assertThat(low.atCheckout().toString()).isEqualTo("9.72 SGD");
        // 450.00 > S$400: GST 9% × 458.00 = 41.22 at the border.
        var high = assess("SG", "2026-11-29", "CN", "8.00", Map.of("SG", "0"), item("94", "450.00", 1));
        assertThat(high.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "41.22 SGD");
        assertThat(high.tax().explanation()).contains("above the checkout ceiling 400.00 SGD");
        assertThat(high.atCheckout().minor()).isZero();
    }

    @Test
    void malaysiaExemptsDutyPerItemUpToRm500AndChargesSalesTaxAtCheckout() {
        // Each item ≤ RM500: no duty; sales tax 10% × (120 + 80 + 15) = 21.50 at checkout.
        var a = assess("MY", "2026-11-29", "CN", "15.00", Map.of(), item("62", "120.00", 1), item("94", "80.00", 1));
        assertThat(a.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(a.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "21.50 MYR");
    }

    @Test
    void japanExemptsUpToTenThousandYenCustomsValueUntil2028AndThenThePlatformCollects() {
        // 2,321 + 1,500 shipping = 3,821 ≤ 10,000: nothing due.
        var small = assess("JP", "2026-11-29", "CN", "1500", Map.of(), item("94", "2321", 1));
        assertThat(small.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(small.tax().status()).isEqualTo(Status.NOT_DUE);
        // 3 × 3,482 + 1,500 = 11,946 > 10,000: consumption tax 10% = 1,194.6 → ¥1,195 at the border; duty rate unknown.
        var large = assess("JP", "2026-11-29", "CN", "1500", Map.of(), item("94", "3482", 3));
        assertThat(large.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "1195 JPY");
        assertThat(large.duty().status()).isEqualTo(Status.UNKNOWN);
        // From 2028-04-01 the exemption is gone and the platform collects: 10% × 3,821 = 382.1 → ¥382 at checkout.
        var later = assess("JP", "2028-04-01", "CN", "1500", Map.of("JP", "0"), item("94", "2321", 1));
        assertThat(later.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "382 JPY");
        assertThat(later.duty().status()).isEqualTo(Status.CHARGED);
    }

    @Test
    void unitedKingdomChargesVatAtCheckoutUpTo135PoundsAndDutyAbove() {
        var small = assess("GB", "2026-11-29", "CN", "6.00", Map.of(), item("62", "40.00", 1));
        assertThat(small.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(small.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "9.20 GBP");
        // £150 > £135: the buyer pays at the border; duty 12% × 150 = 18.00; VAT 20% × (150 + 6 + 18) = 34.80.
        var large = assess("GB", "2026-11-29", "CN", "6.00", Map.of("GB62", "12"), item("62", "150.00", 1));
        assertThat(large.duty()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "18.00 GBP");
        assertThat(large.tax().amount().toString()).isEqualTo("34.80 GBP");
        assertThat(large.atCheckout().minor()).isZero();
    }

    @Test
    void germanyHasDutyReliefUpTo150EuroBeforeJuly2026AndAFlatThreeEuroPerTariffCategoryAfter() {
        // 14.99 + 21.99 + 5.00 shipping: no duty; VAT 19% × 41.98 = 7.9762 → 7.98 at checkout.
        var before = assess("DE", "2026-06-30", "CN", "5.00", Map.of(), item("94", "14.99", 1), item("94", "21.99", 1));
        assertThat(before.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(before.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "7.98 EUR");
        // From 2026-07-01: HS 94 and HS 62 → 2 categories × €3 = 6.00; VAT 19% × (46.97 + 5.00 + 6.00) = 11.0143 → 11.01.
        var after = assess("DE", "2026-07-01", "CN", "5.00", Map.of(),
                item("94", "14.99", 1), item("94", "21.99", 1), item("62", "9.99", 1));
        assertThat(after.duty()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "6.00 EUR");
        assertThat(after.duty().explanation()).contains("× 2 (HS 62, 94)");
        assertThat(after.tax().amount().toString()).isEqualTo("11.01 EUR");
        assertThat(after.atCheckout().toString()).isEqualTo("17.01 EUR");
    }

    @Test
    void unitedStatesHadAn800DollarDeMinimisAndNowEveryParcelIsDutiable() {
        var before = assess("US", "2025-08-28", "CN", "10.00", Map.of(), item("94", "120.00", 1));
        assertThat(before.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(before.tax().status()).isEqualTo(Status.NOT_DUE);
        var now = assess("US", "2026-11-29", "CN", "10.00", Map.of(), item("94", "120.00", 1));
        assertThat(now.duty().status()).isEqualTo(Status.UNKNOWN);
        // With an origin-specific rate (e.g. 25% on CN goods of chapter 94) it is charged at checkout: 30.00.
        var withRate = assess("US", "2026-11-29", "CN", "10.00", Map.of("US94CN", "25", "US", "3.9"), item("94", "120.00", 1));
        assertThat(withRate.duty()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "30.00 USD");
        var fromVietnam = assess("US", "2026-11-29", "VN", "10.00", Map.of("US94CN", "25", "US", "3.9"), item("94", "120.00", 1));
        assertThat(fromVietnam.duty().amount().toString()).isEqualTo("4.68 USD");
    }

    @Test
    void australiaChargesGstAtCheckoutUpToA1000AndAboveAtTheBorder() {
        var small = assess("AU", "2026-11-29", "CN", "20.00", Map.of(), item("94", "200.00", 1));
        assertThat(small.duty().status()).isEqualTo(Status.NOT_DUE);
        assertThat(small.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.CHARGED, "22.00 AUD");
        // 1,100 + 20 = 1,120 > 1,000: GST 10% × 1,120 = 112.00 at the border.
        var large = assess("AU", "2026-11-29", "CN", "20.00", Map.of(), item("94", "1100.00", 1));
        assertThat(large.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "112.00 AUD");
        assertThat(large.duty().status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void indonesiaConvertsItsThreeDollarThresholdAndChargesTheGeneralRateAbove() {
        // US$3 × 16,000 = 48,000 IDR; 150,000 FOB > 48,000: duty 7.5% = 11,250.00; VAT 11% × 191,250 = 21,037.50 (border).
        var a = assess("ID", "2026-11-29", "CN", "30000.00", Map.of("ID", "7.5"), item("94", "150000.00", 1));
        assertThat(a.duty().amount().toString()).isEqualTo("11250.00 IDR");
        assertThat(a.tax()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "21037.50 IDR");
    }

    @Test
    void mexicoCourierBundledRateIncludesTheTax() {
        var a = assess("MX", "2026-11-29", "CN", "100.00", Map.of("MX", "33.5"), item("94", "500.00", 1));
        assertThat(a.duty()).extracting(LandedCost.Component::status, c -> c.amount().toString()).containsExactly(Status.ESTIMATE, "167.50 MXN");
        assertThat(a.duty().explanation()).startsWith("courier bundled rate");
        assertThat(a.tax().status()).isEqualTo(Status.INCLUDED);
    }

    private record Line(String chapter, String price, int quantity) {
    }

    private static Line item(String chapter, String price, int quantity) {
        return new Line(chapter, price, quantity);
    }

    /** Duty rates by key: market, market+chapter, or market+chapter+origin (the most specific wins). */
    private static LandedCost.Assessment assess(String market, String day, String origin, String shipping, Map<String, String> dutyRates,
            Line... items) {
        Instant at = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        TradeRules rules = RULES.stream().filter(r -> r.market().value().equals(market) && r.inForceAt(at)).findFirst().orElseThrow();
        CurrencyCode currency = CurrencyCode.of(switch (market) {
            case "PH" -> "PHP";
            case "SG" -> "SGD";
            case "MY" -> "MYR";
            case "JP" -> "JPY";
            case "GB" -> "GBP";
            case "DE" -> "EUR";
            case "US" -> "USD";
            case "AU" -> "AUD";
            case "ID" -> "IDR";
            case "MX" -> "MXN";
            default -> throw new IllegalArgumentException(market);
        });
        List<LandedCost.Item> priced = new ArrayList<>();
        for (Line item : items) {
            priced.add(new LandedCost.Item(item.chapter(), Money.of(new BigDecimal(item.price()), currency), item.quantity()));
        }
        var parcel = new LandedCost.Parcel(origin, priced, Money.of(new BigDecimal(shipping), currency));
        LandedCost.DutyRates duties = (chapter, from) -> {
            for (String key : List.of(market + chapter + from, market + chapter, market)) {
                if (dutyRates.containsKey(key)) {
                    return Optional.of(new DutyRate(UUID.randomUUID(), MarketCode.of(market), null, null, new BigDecimal(dutyRates.get(key)),
                            "", at, null, "test rate " + key, "2026"));
                }
            }
            return Optional.empty();
        };
        LandedCost.Converter fx = (amount, to) -> {
            if (amount.currency().equals(to)) {
                return amount;
            }
            if (amount.currency().code().equals("USD") && to.code().equals("IDR")) {
                return Money.of(amount.toDecimal().multiply(BigDecimal.valueOf(16_000)).setScale(2), to);
            }
            throw new IllegalArgumentException("no test rate " + amount.currency() + "→" + to);
        };
        return LandedCost.assess(rules, parcel, duties, fx);
    }
}
