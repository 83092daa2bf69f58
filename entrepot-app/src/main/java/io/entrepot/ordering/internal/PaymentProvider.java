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

    /** The provider's answer: approved with its payment reference, or refused with a reason. */
    record Result(boolean approved, @Nullable String paymentRef, String outcome) {
    }
}
