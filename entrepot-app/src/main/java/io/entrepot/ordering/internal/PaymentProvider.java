package io.entrepot.ordering.internal;

import io.entrepot.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The port to a payment provider. Every call carries an idempotency key that the caller derived and
 * stored before calling, so a retry after a timeout or a crash is done once by the provider.
 */
public interface PaymentProvider {

    String name();

    Result authorize(String idempotencyKey, String token, Money amount);

    Result capture(String idempotencyKey, String paymentRef, Money amount);

    Result voidAuthorization(String idempotencyKey, String paymentRef, Money amount);

    Result refund(String idempotencyKey, String paymentRef, Money amount);

    /** One refund of a batch: under its own idempotency key, of a captured payment. */
    record RefundCall(String idempotencyKey, String paymentRef, Money amount) {
    }

    /**
     * Many refunds in one request, each done once by its key as {@link #refund} would; the answers in
     * the calls' order. Providers offer batch refunds for settling many orders at once; this default
     * asks one by one, for a provider that has none.
     */
    default java.util.List<Result> refundAll(java.util.List<RefundCall> calls) {
        return calls.stream().map(c -> refund(c.idempotencyKey(), c.paymentRef(), c.amount())).toList();
    }

    /** The provider's answer: approved with its payment reference, or refused with a reason. */
    record Result(boolean approved, @Nullable String paymentRef, String outcome) {
    }
}
