package io.entrepot.ordering;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A landed-cost quote: per seller, the items, the shipping on the seller's lane, and the import duty
 * and tax with their status (charged now, estimated for the border, not due, unknown) and why. Valid
 * for 15 minutes; an order is placed from it, so prices are always the server's.
 */
public record Quote(UUID id, String market, String currency, Instant validUntil, Address address, List<Parcel> sellers, Totals totals) {

    /** An amount as the API shows it. */
    public record Amount(BigDecimal amount, String currency) {
        public static Amount of(Money money) {
            return new Amount(money.toDecimal(), money.currency().code());
        }

        public Money money() {
            return Money.of(amount, CurrencyCode.of(currency));
        }
    }

    /** Where the parcel goes. */
    public record Address(String name, String line1, @Nullable String line2, String city, @Nullable String postalCode, String country) {
    }

    public record Line(UUID offerId, UUID skuId, String skuCode, String title, String category, String parentCategory, String hsChapter,
            int quantity, Amount unitPrice, Amount total) {
    }

    /** A duty or tax component: {@code charged}, {@code estimate}, {@code not_due}, {@code unknown} or {@code included}. */
    public record Charge(String status, Amount amount, String explanation) {
    }

    /** One seller's parcel. */
    public record Parcel(UUID sellerId, String sellerName, String originCountry, String carrierService, int weightGrams, List<Line> lines,
            Amount goods, Amount shipping, String shippingExplanation, Charge duty, Charge tax, String taxRules, Amount payableNow,
            Amount borderEstimate) {
    }

    public record Totals(Amount items, Amount shipping, Amount dutyAndTaxAtCheckout, Amount total, Amount borderEstimate,
            boolean dutyUnknown) {
    }
}
