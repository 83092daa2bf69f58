package io.entrepot.reviews.internal;

import io.entrepot.reviews.Enforcement;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets penalties decay: re-evaluates every seller with a step in force, so that steps whose fakes have
 * left the rolling window are lifted. Idempotent, so it may run on every node.
 */
@Component
class EnforcementDecayJob {

    private static final Log log = LogFactory.getLog(EnforcementDecayJob.class);

    private final Enforcement enforcement;

    EnforcementDecayJob(Enforcement enforcement) {
        this.enforcement = enforcement;
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.reviews.enforcement.decay-every:PT10M}")
    void decay() {
        try {
            ActorContext.callAs(Actor.system("enforcement-decay"), enforcement::decay);
        } catch (RuntimeException e) {
            log.warn("enforcement decay failed; it runs again on its next turn", e);
        }
    }
}
