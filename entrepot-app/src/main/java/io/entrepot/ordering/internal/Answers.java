package io.entrepot.ordering.internal;

import io.entrepot.ordering.Quote.Amount;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies that checkout and refunds send and store with their idempotency keys, so that a
 * replay answers exactly what the first request got: a problem, or a refund done.
 */
public final class Answers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Answers() {
    }

    /** A problem body (RFC 9457 fields) with its type derived from the slug. */
    public static String problem(int status, String slug, String detail) {
        return JSON.writeValueAsString(Map.of("type", "urn:entrepot:problem:" + slug, "title", slug, "status", status, "detail", detail));
    }

    /** A refund that the provider made: amount in the order's currency, the seller's part in its payout currency. */
    public static String refunded(OrderStore.RefundRow refund, OrderStore.SellerOrderRow so) {
        return JSON.writeValueAsString(Map.of("id", refund.id(), "sellerOrderId", so.id(),
                "amount", Amount.of(new Money(refund.amountMinor(), CurrencyCode.of(so.currency()))), "status", "refunded",
                "sellerPart", Amount.of(new Money(refund.sellerPart(), CurrencyCode.of(so.payoutCurrency()))), "reason", refund.reason()));
    }

    /** The provider refused a refund. */
    public static String refundRefused(String outcome) {
        return problem(409, "refund-refused", "the payment provider refused the refund: " + outcome);
    }
}
