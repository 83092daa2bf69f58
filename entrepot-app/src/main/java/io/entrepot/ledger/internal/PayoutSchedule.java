package io.entrepot.ledger.internal;

import io.entrepot.ledger.Payouts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the payout batch on its schedule (Mondays 02:00 UTC unless configured). */
@Component
class PayoutSchedule {

    private static final Log log = LogFactory.getLog(PayoutSchedule.class);

    private final Payouts payouts;

    PayoutSchedule(Payouts payouts) {
        this.payouts = payouts;
    }

    @Scheduled(cron = "${entrepot.payouts.cron:0 0 2 * * MON}", zone = "UTC")
    void run() {
        try {
            var batch = payouts.runBatch();
            log.info("Payout batch " + batch.id() + ": " + batch.payouts() + " payouts");
        } catch (RuntimeException e) {
            log.warn("Payout batch failed; it runs again on its next turn", e);
        }
    }
}
