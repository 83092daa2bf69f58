package io.entrepot.seller.internal;

import io.entrepot.seller.SellerWebhooks;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends sellers' webhooks from the outbox on every node. */
@Component
class WebhookJob {

    private static final Log log = LogFactory.getLog(WebhookJob.class);

    private final SellerWebhooks webhooks;

    WebhookJob(SellerWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.webhooks.poll:PT5S}")
    void deliver() {
        try {
            while (webhooks.deliverDue(50) == 50) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("seller webhook delivery failed; it runs again on its next turn", e);
        }
    }
}
