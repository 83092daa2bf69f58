package io.entrepot.ordering.internal;

import io.entrepot.catalog.Inventory;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ordering's background work, safe on several nodes (each step claims its rows with SKIP LOCKED or is
 * idempotent by key): stock holds that ran out before payment, seller funds whose return window has
 * passed, provider calls a crash left unfinished, idempotency keys past their time.
 */
@Configuration
@EnableScheduling
class OrderJobs {

    private static final Log log = LogFactory.getLog(OrderJobs.class);

    private final Inventory inventory;
    private final io.entrepot.ordering.Orders orders;
    private final IdempotencyKeys keys;
    private final TransactionTemplate tx;

    private final Duration recoveryAfter;

    OrderJobs(Inventory inventory, io.entrepot.ordering.Orders orders, IdempotencyKeys keys, TransactionTemplate tx,
            @org.springframework.beans.factory.annotation.Value("${entrepot.payments.recovery-after:PT30S}") Duration recoveryAfter) {
        this.recoveryAfter = recoveryAfter;
        this.inventory = inventory;
        this.orders = orders;
        this.keys = keys;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.jobs.hold-expiry:PT10S}")
    void expireHolds() {
        quietly("stock hold expiry", () -> ActorContext.callAs(Actor.system("stock-hold-expiry"), () -> tx.execute(s -> inventory.expireHolds(500))));
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.jobs.release:PT1M}")
    void releaseFunds() {
        quietly("release of seller funds", () -> orders.releaseDue(500));
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.jobs.recovery:PT15S}")
    void recoverProviderCalls() {
        quietly("provider call recovery", () -> orders.recoverProviderCalls(recoveryAfter));
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "PT1H")
    void purgeKeys() {
        quietly("idempotency key purge", () -> ActorContext.callAs(Actor.system("idempotency-purge"), () -> tx.execute(s -> keys.purge())));
    }

    private static void quietly(String job, IntSupplier work) {
        try {
            int done = work.getAsInt();
            if (done > 0) {
                log.info(job + ": " + done);
            }
        } catch (RuntimeException e) {
            log.warn(job + " failed; it runs again on its next turn", e);
        }
    }
}
