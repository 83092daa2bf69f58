package io.entrepot.ordering.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox provider's webhook sender: signs each due event and hands it to the same
 * {@link PaymentWebhooks} code the HTTP endpoint uses. Like a real provider it delivers at least once —
 * about half of the events twice, at different times — so receivers meet duplicates and reordering.
 */
@Component
class SandboxWebhookDispatcher {

    private static final Log log = LogFactory.getLog(SandboxWebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Events delivered per transaction, and batches per turn at most. */
    private static final int BATCH = 100;
    private static final int BATCHES_PER_TURN = 50;

    private final JdbcClient jdbc;
    private final PaymentWebhooks webhooks;
    private final TransactionTemplate tx;
    private final Clock clock;

    SandboxWebhookDispatcher(JdbcClient jdbc, PaymentWebhooks webhooks, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.payments.sandbox.webhook-delay:PT1S}")
    void deliverDue() {
        // Batch after batch until the due events are delivered (a provider keeps up with its events;
        // one batch a second would fall behind above a hundred events a second and pile them up).
        for (int batch = 0; batch < BATCHES_PER_TURN; batch++) {
            if (deliverBatch() < BATCH) {
                return;
            }
        }
    }

    /** Delivers up to {@link #BATCH} due events in one transaction; how many were due. */
    private int deliverBatch() {
        try {
            return ActorContext.callAs(Actor.system("payment-sandbox"), () -> tx.execute(s -> {
                Instant now = clock.instant();
                record Due(String id, String payment, String type, Instant occurredAt, int deliveries) {
                }
                List<Due> due = jdbc.sql("""
                        select w.id, w.payment_id, w.type, w.occurred_at, w.deliveries
                        from psp_sandbox.webhook_due d join psp_sandbox.webhook w on w.id = d.webhook_id
                        where d.deliver_at <= :now order by d.deliver_at limit :batch for update of d skip locked
                        """).param("now", Timestamp.from(now)).param("batch", BATCH).query((rs, n) -> new Due(rs.getString("id"), rs.getString("payment_id"),
                                rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(), rs.getInt("deliveries"))).list();
                if (due.isEmpty()) {
                    return 0;
                }
                // One batch to the receiver (each delivery signed and checked on its own), as a provider posting many events would.
                webhooks.receiveAll(due.stream().map(event -> {
                    String payload = JSON.writeValueAsString(Map.of("id", event.id(), "type", event.type(), "payment", event.payment(),
                            "occurredAt", event.occurredAt().toString()));
                    return new PaymentWebhooks.Delivery(payload, webhooks.sign(payload, now));
                }).toList());
                var random = ThreadLocalRandom.current();
                boolean[] again = new boolean[due.size()]; // a first delivery is sent again half the time (at least once)
                for (int i = 0; i < again.length; i++) {
                    again[i] = due.get(i).deliveries() == 0 && random.nextBoolean();
                }
                // Each sent again stays due at its next time; the others leave the queue of deliveries due.
                jdbc.sql("""
                        with sent as (
                            update psp_sandbox.webhook w set deliveries = w.deliveries + 1,
                                delivered_at = case when u.again then null else cast(:now as timestamptz) end, deliver_at = u.next
                            from unnest(cast(:ids as text[]), cast(:again as boolean[]), cast(cast(:next as text[]) as timestamptz[])) as u (id, again, next)
                            where w.id = u.id
                            returning w.id, w.delivered_at, w.deliver_at),
                        again as (
                            update psp_sandbox.webhook_due d set deliver_at = sent.deliver_at from sent where d.webhook_id = sent.id and sent.delivered_at is null)
                        delete from psp_sandbox.webhook_due d using sent where d.webhook_id = sent.id and sent.delivered_at is not null
                        """).param("ids", due.stream().map(Due::id).toArray(String[]::new))
                        .param("again", again)
                        .param("next", due.stream().map(event -> now.plusMillis(random.nextInt(200, 2000)).toString()).toArray(String[]::new))
                        .param("now", Timestamp.from(now)).update();
                return due.size();
            }));
        } catch (RuntimeException e) {
            log.warn("sandbox webhook delivery failed; it is retried", e);
            return 0;
        }
    }
}
