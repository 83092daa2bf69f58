package io.entrepot.logistics.internal;

import io.entrepot.logistics.Remediations;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works remediation runs on every node: claims chunks of items under a lease until none is left or
 * its turn is over. Nodes need no coordination beyond the database's row locks.
 */
@Component
class RemediationWorker {

    private static final Log log = LogFactory.getLog(RemediationWorker.class);

    private final Remediations remediations;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final int chunk;
    private final Duration lease;
    private final Duration turn;

    RemediationWorker(Remediations remediations, @Value("${entrepot.remediation.chunk:25}") int chunk,
            @Value("${entrepot.remediation.lease:PT2M}") Duration lease, @Value("${entrepot.remediation.turn:PT20S}") Duration turn) {
        this.remediations = remediations;
        this.chunk = chunk;
        this.lease = lease;
        this.turn = turn;
    }

    @Scheduled(initialDelayString = "${entrepot.remediation.initial-delay:PT5S}", fixedDelayString = "${entrepot.remediation.poll:PT2S}")
    void work() {
        long deadline = System.nanoTime() + turn.toNanos();
        try {
            int worked;
            do {
                worked = remediations.workOnce(node, chunk, lease);
            } while (worked > 0 && System.nanoTime() < deadline);
        } catch (RuntimeException e) {
            log.warn("remediation work failed; it runs again on its next turn", e);
        }
    }
}
