package io.entrepot.ordering;

import io.entrepot.ordering.Quote.Amount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as buyers, sellers and operators see it: the buyer's order and one seller order per seller. */
public record OrderView(UUID id, String market, String currency, String status, String email, Amount items, Amount shipping,
        Amount dutyAndTax, Amount total, Amount borderEstimate, boolean dutyUnknown, Instant createdAt, List<SellerOrder> sellerOrders) {

    /** One seller's part of an order, with what the seller is paid and why. */
    public record SellerOrder(UUID id, UUID orderId, UUID sellerId, String sellerName, String market, String status, String originCountry,
            String carrierService, Amount goods, Amount shipping, Amount duty, Amount tax, Amount total, Amount commission,
            Amount paymentFee, String paymentFeeRule, String payoutCurrency, @Nullable BigDecimal fxRate, @Nullable Amount netPayout,
            Amount refunded, @Nullable Instant shippedAt, @Nullable Instant deliveredAt, @Nullable Instant releaseDueAt,
            @Nullable Instant releasedAt, Instant createdAt, List<Line> lines) {
    }

    /** One order line; {@code id} is what a review of it names. */
    public record Line(UUID id, UUID offerId, UUID skuId, String skuCode, String title, int quantity, Amount unitPrice, Amount commission,
            String commissionRule) {
    }
}
