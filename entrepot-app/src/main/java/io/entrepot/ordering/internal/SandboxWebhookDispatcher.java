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
        try {
            ActorContext.runAs(Actor.system("payment-sandbox"), () -> tx.executeWithoutResult(s -> {
                Instant now = clock.instant();
                record Due(String id, String payment, String type, Instant occurredAt, int deliveries) {
                }
                List<Due> due = jdbc.sql("""
                        select id, payment_id, type, occurred_at, deliveries from psp_sandbox.webhook
                        where delivered_at is null and deliver_at <= :now order by deliver_at limit 100 for update skip locked
                        """).param("now", Timestamp.from(now)).query((rs, n) -> new Due(rs.getString("id"), rs.getString("payment_id"),
                                rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(), rs.getInt("deliveries"))).list();
                for (Due event : due) {
                    String payload = JSON.writeValueAsString(Map.of("id", event.id(), "type", event.type(), "payment", event.payment(),
                            "occurredAt", event.occurredAt().toString()));
                    webhooks.receive(payload, webhooks.sign(payload, now));
                    boolean again = event.deliveries() == 0 && ThreadLocalRandom.current().nextBoolean();
                    jdbc.sql("""
                            update psp_sandbox.webhook set deliveries = deliveries + 1, delivered_at = :delivered, deliver_at = :next where id = :id
                            """).param("delivered", again ? null : Timestamp.from(now))
                            .param("next", Timestamp.from(now.plusMillis(ThreadLocalRandom.current().nextInt(200, 2000))))
                            .param("id", event.id()).update();
                }
            }));
        } catch (RuntimeException e) {
            log.warn("sandbox webhook delivery failed; it is retried", e);
        }
    }
}
