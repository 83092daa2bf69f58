package io.entrepot.ordering.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fake payment provider for development, tests and the demo — named as such, behind the clean
 * {@link PaymentProvider} port. It keeps its own books in the {@code psp_sandbox} schema and behaves
 * like a real one: authorize, capture, void and refund against an authorization's amount; its own
 * idempotency (a key replays the first answer, a key reused for another request is refused); and
 * webhooks for every state change, delivered later, at least once and possibly out of order.
 *
 * <p>Test tokens: {@code tok_visa}, {@code tok_mastercard} (and any other well-formed token) are
 * approved; {@code tok_decline_card} and {@code tok_decline_insufficient_funds} are declined;
 * {@code tok_refund_fails} authorizes and captures but refuses refunds; {@code tok_delay_<ms>} answers an
 * authorization after that many milliseconds (at most 10,000), like a slow provider.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SandboxPaymentProvider(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Result authorize(String key, String token, Money amount) {
        return once(key, "authorize", token + "|" + amount, () -> {
            if (token.startsWith("tok_delay_")) {
                sleep(token.substring("tok_delay_".length()));
            }
            if (token.startsWith("tok_decline_")) {
                return new Result(false, null, token.substring("tok_decline_".length()));
            }
            String id = "pay_" + Ids.newId(clock).toString().replace("-", "");
            Instant now = clock.instant();
            jdbc.sql("""
                    insert into psp_sandbox.payment (id, token, amount_minor, currency, status, created_at, updated_at)
                    values (:id, :token, :amount, :currency, 'authorized', :now, :now)
                    """).param("id", id).param("token", token).param("amount", amount.minor()).param("currency", amount.currency().code())
                    .param("now", Timestamp.from(now)).update();
            webhook(id, "payment.authorized", now);
            return new Result(true, id, "authorized");
        });
    }

    @Override
    public Result capture(String key, String paymentRef, Money amount) {
        return once(key, "capture", paymentRef + "|" + amount, () -> move(paymentRef, amount, "captured_minor",
                "amount_minor - captured_minor - voided_minor", "payment.captured"));
    }

    @Override
    public Result voidAuthorization(String key, String paymentRef, Money amount) {
        return once(key, "void", paymentRef + "|" + amount, () -> move(paymentRef, amount, "voided_minor",
                "amount_minor - captured_minor - voided_minor", "payment.voided"));
    }

    @Override
    public Result refund(String key, String paymentRef, Money amount) {
        return once(key, "refund", paymentRef + "|" + amount, () -> {
            String token = jdbc.sql("select token from psp_sandbox.payment where id = :id").param("id", paymentRef).query(String.class)
                    .optional().orElse("");
            if (token.equals("tok_refund_fails")) {
                return new Result(false, paymentRef, "refund_refused");
            }
            return move(paymentRef, amount, "refunded_minor", "captured_minor - refunded_minor", "payment.refunded");
        });
    }

    private Result move(String paymentRef, Money amount, String column, String headroom, String event) {
        int updated = jdbc.sql("update psp_sandbox.payment set " + column + " = " + column + " + :amount, status = :status, updated_at = :now"
                + " where id = :id and currency = :currency and " + headroom + " >= :amount")
                .param("amount", amount.minor()).param("status", event.substring("payment.".length())).param("now", Timestamp.from(clock.instant()))
                .param("id", paymentRef).param("currency", amount.currency().code()).update();
        if (updated == 0) {
            return new Result(false, paymentRef, "amount_exceeds_balance_or_unknown_payment");
        }
        webhook(paymentRef, event, clock.instant());
        return new Result(true, paymentRef, event.substring("payment.".length()));
    }

    /** Does the work once per key, in a transaction of its own, and answers a retry with the first answer. */
    private Result once(String key, String operation, String request, java.util.function.Supplier<Result> work) {
        return ActorContext.callAs(Actor.system("payment-sandbox"), () -> ownTransaction.execute(tx -> {
            int claimed = jdbc.sql("""
                    insert into psp_sandbox.request (idempotency_key, operation, request_hash, response, created_at)
                    values (:key, :operation, :hash, '', :now) on conflict (idempotency_key) do nothing
                    """).param("key", key).param("operation", operation).param("hash", request).param("now", Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                var stored = jdbc.sql("select operation, request_hash, response from psp_sandbox.request where idempotency_key = :key")
                        .param("key", key).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
                if (!stored[0].equals(operation) || !stored[1].equals(request)) {
                    return new Result(false, null, "idempotency_key_reused");
                }
                return decode(stored[2]);
            }
            Result result = work.get();
            jdbc.sql("update psp_sandbox.request set response = :response where idempotency_key = :key")
                    .param("response", (result.approved() ? "1" : "0") + "|" + Optional.ofNullable(result.paymentRef()).orElse("") + "|"
                            + result.outcome())
                    .param("key", key).update();
            return result;
        }));
    }

    private static void sleep(String millis) {
        try {
            Thread.sleep(Math.min(10_000, Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            // not a delay token after all: answer at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Result decode(String stored) {
        String[] parts = stored.split("\\|", 3);
        return new Result(parts[0].equals("1"), parts[1].isEmpty() ? null : parts[1], parts[2]);
    }

    private void webhook(String paymentRef, String type, Instant occurred) {
        // Delivered a little later, in an order of its own choosing.
        Instant deliverAt = occurred.plusMillis(ThreadLocalRandom.current().nextInt(50, 1500));
        jdbc.sql("""
                insert into psp_sandbox.webhook (id, payment_id, type, occurred_at, deliver_at) values (:id, :payment, :type, :occurred, :deliver)
                """).param("id", "evt_" + Ids.newId(clock).toString().replace("-", "")).param("payment", paymentRef).param("type", type)
                .param("occurred", Timestamp.from(occurred)).param("deliver", Timestamp.from(deliverAt)).update();
    }
}
