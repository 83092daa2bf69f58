package io.entrepot.ordering.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /**
     * An authorization in one statement of the provider's own transaction: the key's claim with its answer, and when
     * the key is new and the token approved, the payment and its webhook. The answer depends on nothing stored, so it
     * is decided first; a key seen before writes nothing and answers its first answer again (or is refused when it
     * was used for another request). As in every call, the claim lets the transaction commit without waiting for
     * the disk ({@link #UNWAITED}).
     */
    @Override
    public Result authorize(String key, String token, Money amount) {
        String request = token + "|" + amount;
        if (token.startsWith("tok_delay_")) {
            sleep(token.substring("tok_delay_".length()));
        }
        Instant now = clock.instant();
        Result answer = token.startsWith("tok_decline_") ? new Result(false, null, token.substring("tok_decline_".length()))
                : new Result(true, "pay_" + Ids.newId(clock).toString().replace("-", ""), "authorized");
        return ActorContext.callAs(Actor.system("payment-sandbox"), () -> ownTransaction.execute(tx -> {
            boolean claimed = jdbc.sql("""
                    with claim as (
                        insert into psp_sandbox.request (idempotency_key, operation, request_hash, response, created_at)
                        values (:key, 'authorize', :hash, :response, :now) on conflict (idempotency_key) do nothing
                        """ + "returning " + UNWAITED + """
                    ),
                    authorized as (
                        insert into psp_sandbox.payment (id, token, amount_minor, currency, status, created_at, updated_at)
                        select :payment, :token, :amount, :currency, 'authorized', :now, :now from claim where :approved
                        returning id),
                    queued as (
                        insert into psp_sandbox.webhook (id, payment_id, type, occurred_at, deliver_at)
                        select :event, id, 'payment.authorized', :now, :deliver from authorized
                        returning id, deliver_at),
                    due as (""" + DUE + """
                    )
                    select count(*) > 0 from claim
                    """).param("key", key).param("hash", request).param("response", encode(answer)).param("now", now.atOffset(ZoneOffset.UTC))
                    .param("payment", answer.paymentRef()).param("token", token).param("amount", amount.minor())
                    .param("currency", amount.currency().code()).param("approved", answer.approved())
                    .param("event", eventId()).param("deliver", now.plusMillis(deliveryDelayMillis()).atOffset(ZoneOffset.UTC))
                    .query(Boolean.class).single();
            return claimed ? answer : replay(stored(key), "authorize", request);
        }));
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

    /**
     * A batch of refunds in one transaction of the provider's own and a few set-based statements: each
     * key is claimed (a key seen before answers its first answer again, or is refused when it was used
     * for another request), the payments are locked and each refund is taken, in the batch's order,
     * from what is left of its payment's capture; one webhook is queued per refund.
     */
    @Override
    public java.util.List<Result> refundAll(java.util.List<RefundCall> calls) {
        if (calls.isEmpty()) {
            return java.util.List.of();
        }
        return ActorContext.callAs(Actor.system("payment-sandbox"), () -> ownTransaction.execute(tx -> {
            Instant now = clock.instant();
            String[] keys = calls.stream().map(RefundCall::idempotencyKey).toArray(String[]::new);
            String[] requests = calls.stream().map(c -> c.paymentRef() + "|" + c.amount()).toArray(String[]::new);
            java.util.Set<String> claimed = new java.util.HashSet<>(jdbc.sql("""
                    insert into psp_sandbox.request (idempotency_key, operation, request_hash, response, created_at)
                    select u.key, 'refund', u.request, '', :now from unnest(cast(:keys as text[]), cast(:requests as text[])) as u (key, request)
                    on conflict (idempotency_key) do nothing
                    """ + "returning idempotency_key, " + UNWAITED).param("keys", keys).param("requests", requests).param("now", Timestamp.from(now))
                    .query((rs, n) -> rs.getString(1)).list());
            Result[] results = new Result[calls.size()];
            java.util.Map<String, String[]> stored = new java.util.HashMap<>();
            if (claimed.size() < calls.size()) {
                jdbc.sql("select idempotency_key, operation, request_hash, response from psp_sandbox.request where idempotency_key = any (cast(:keys as text[]))")
                        .param("keys", keys).query(rs -> {
                            stored.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                        });
            }
            // the payments refunded, locked, with what is left of each capture
            record Left(String token, String currency, long[] headroom) {
            }
            java.util.Map<String, Left> payments = new java.util.HashMap<>();
            jdbc.sql("""
                    select id, token, currency, captured_minor - refunded_minor from psp_sandbox.payment
                    where id = any (cast(:refs as text[])) order by id for update
                    """).param("refs", calls.stream().map(RefundCall::paymentRef).distinct().toArray(String[]::new))
                    .query(rs -> {
                        payments.put(rs.getString(1), new Left(rs.getString(2), rs.getString(3).strip(), new long[] {rs.getLong(4)}));
                    });
            java.util.Map<String, Long> refunds = new java.util.LinkedHashMap<>();
            java.util.List<String> events = new java.util.ArrayList<>();
            java.util.Map<String, Integer> firstWithKey = new java.util.HashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                RefundCall c = calls.get(i);
                Left left = payments.get(c.paymentRef());
                Integer first = firstWithKey.putIfAbsent(c.idempotencyKey(), i);
                if (first != null) {
                    // the same key twice in one batch is one refund
                    results[i] = requests[first].equals(requests[i]) ? results[first] : new Result(false, null, "idempotency_key_reused");
                } else if (!claimed.contains(c.idempotencyKey())) {
                    results[i] = replay(stored.get(c.idempotencyKey()), "refund", requests[i]);
                } else if (left != null && left.token().equals("tok_refund_fails")) {
                    results[i] = new Result(false, c.paymentRef(), "refund_refused");
                } else if (left == null || !left.currency().equals(c.amount().currency().code()) || left.headroom()[0] < c.amount().minor()) {
                    results[i] = new Result(false, c.paymentRef(), "amount_exceeds_balance_or_unknown_payment");
                } else {
                    // taken in the batch's order, as the same refunds one after the other would be
                    left.headroom()[0] -= c.amount().minor();
                    refunds.merge(c.paymentRef(), c.amount().minor(), Math::addExact);
                    events.add(c.paymentRef());
                    results[i] = new Result(true, c.paymentRef(), "refunded");
                }
            }
            jdbc.sql("""
                    update psp_sandbox.payment p set refunded_minor = p.refunded_minor + u.amount, status = 'refunded', updated_at = :now
                    from unnest(cast(:refs as text[]), cast(:amounts as bigint[])) as u (id, amount)
                    where p.id = u.id
                    """).param("refs", refunds.keySet().toArray(String[]::new)).param("amounts", refunds.values().stream().mapToLong(Long::longValue).toArray())
                    .param("now", Timestamp.from(now)).update();
            webhooks(events, "payment.refunded", now);
            java.util.List<String> answeredKeys = new java.util.ArrayList<>();
            java.util.List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (claimed.contains(keys[i]) && firstWithKey.get(keys[i]) == i) {
                    answeredKeys.add(keys[i]);
                    answers.add(encode(results[i]));
                }
            }
            jdbc.sql("""
                    update psp_sandbox.request r set response = u.response
                    from unnest(cast(:keys as text[]), cast(:responses as text[])) as u (key, response) where r.idempotency_key = u.key
                    """).param("keys", answeredKeys.toArray(String[]::new)).param("responses", answers.toArray(String[]::new)).update();
            return java.util.List.of(results);
        }));
    }

    private Result move(String paymentRef, Money amount, String column, String headroom, String event) {
        int updated = jdbc.sql("update psp_sandbox.payment set " + column + " = " + column + " + :amount, status = :status, updated_at = :now"
                + " where id = :id and currency = :currency and " + headroom + " >= :amount")
                .param("amount", amount.minor()).param("status", event.substring("payment.".length())).param("now", Timestamp.from(clock.instant()))
                .param("id", paymentRef).param("currency", amount.currency().code()).update();
        if (updated == 0) {
            return new Result(false, paymentRef, "amount_exceeds_balance_or_unknown_payment");
        }
        webhooks(java.util.List.of(paymentRef), event, clock.instant());
        return new Result(true, paymentRef, event.substring("payment.".length()));
    }

    /** Does the work once per key, in a transaction of its own, and answers a retry with the first answer. */
    private Result once(String key, String operation, String request, java.util.function.Supplier<Result> work) {
        return ActorContext.callAs(Actor.system("payment-sandbox"), () -> ownTransaction.execute(tx -> {
            boolean claimed = !jdbc.sql("""
                    insert into psp_sandbox.request (idempotency_key, operation, request_hash, response, created_at)
                    values (:key, :operation, :hash, '', :now) on conflict (idempotency_key) do nothing
                    """ + "returning " + UNWAITED).param("key", key).param("operation", operation).param("hash", request)
                    .param("now", Timestamp.from(clock.instant())).query(String.class).list().isEmpty();
            if (!claimed) {
                return replay(stored(key), operation, request);
            }
            Result result = work.get();
            jdbc.sql("update psp_sandbox.request set response = :response where idempotency_key = :key")
                    .param("response", encode(result)).param("key", key).update();
            return result;
        }));
    }

    /** A key's claim as stored: operation, request, answer. */
    private String[] stored(String key) {
        return jdbc.sql("select operation, request_hash, response from psp_sandbox.request where idempotency_key = :key")
                .param("key", key).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
    }

    /**
     * The provider's commits do not wait for the disk (decision 0026): a remote provider's durability costs the
     * platform nothing, and this one's costs it a flush of the shared write-ahead log per call. It loses nothing that
     * matters: the platform records every answer in a commit of its own that waits for the disk, and the log is
     * flushed in order, so the answer it recorded is durable at the provider too; a call whose answer it did not
     * record yet is repeated with the same key by its recovery, and a provider that lost the first answer makes a
     * new one — still one authorization, capture or refund per key.
     *
     * <p>Set by each call's claim of its key ({@code returning} it), for this transaction only: a call whose key was
     * claimed before writes nothing, so has nothing to wait for.
     */
    private static final String UNWAITED = "set_config('synchronous_commit', 'off', true)";

    private static void sleep(String millis) {
        try {
            Thread.sleep(Math.min(10_000, Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            // not a delay token after all: answer at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first answer to a key again, or a refusal when the key was used for another request. Stored: operation, request, answer. */
    private static Result replay(String[] stored, String operation, String request) {
        return stored[0].equals(operation) && stored[1].equals(request) ? decode(stored[2]) : new Result(false, null, "idempotency_key_reused");
    }

    private static String encode(Result result) {
        return (result.approved() ? "1" : "0") + "|" + Optional.ofNullable(result.paymentRef()).orElse("") + "|" + result.outcome();
    }

    private static Result decode(String stored) {
        String[] parts = stored.split("\\|", 3);
        return new Result(parts[0].equals("1"), parts[1].isEmpty() ? null : parts[1], parts[2]);
    }

    /**
     * One webhook per payment reference (a reference may come more than once), each delivered a little later, in an
     * order of the sandbox's own choosing.
     */
    private void webhooks(java.util.List<String> paymentRefs, String type, Instant occurred) {
        if (paymentRefs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                with queued as (
                    insert into psp_sandbox.webhook (id, payment_id, type, occurred_at, deliver_at)
                    select u.id, u.payment, :type, cast(:occurred as timestamptz), cast(:occurred as timestamptz) + u.delay * interval '1 millisecond'
                    from unnest(cast(:ids as text[]), cast(:payments as text[]), cast(:delays as int[])) as u (id, payment, delay)
                    returning id, deliver_at)
                """ + DUE).param("ids", paymentRefs.stream().map(r -> eventId()).toArray(String[]::new))
                .param("payments", paymentRefs.toArray(String[]::new))
                .param("delays", paymentRefs.stream().mapToInt(r -> deliveryDelayMillis()).toArray())
                .param("type", type).param("occurred", Timestamp.from(occurred)).update();
    }

    /**
     * The webhooks of a statement's {@code queued} (their id and time), in the queue of deliveries due: a small table
     * of its own, so that a delivery changes no indexed column of the webhook (decision 0027).
     */
    private static final String DUE = "insert into psp_sandbox.webhook_due (webhook_id, deliver_at) select id, deliver_at from queued";

    private String eventId() {
        return "evt_" + Ids.newId(clock).toString().replace("-", "");
    }

    /** A webhook is delivered a little after its event, each after a delay of its own: so possibly out of order. */
    private static int deliveryDelayMillis() {
        return ThreadLocalRandom.current().nextInt(50, 1500);
    }
}
