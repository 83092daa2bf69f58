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
    private final int maxPerSecond;
    private final int threads;

    /**
     * @param maxPerSecond at most this many orders per second on this node (0: as fast as it goes), to
     *     stay within what the payment provider accepts in refunds
     * @param threads workers on this node, each claiming and working its own chunks
     */
    RemediationWorker(Remediations remediations, @Value("${entrepot.remediation.chunk:200}") int chunk,
            @Value("${entrepot.remediation.lease:PT2M}") Duration lease, @Value("${entrepot.remediation.turn:PT20S}") Duration turn,
            @Value("${entrepot.remediation.max-per-second:0}") int maxPerSecond, @Value("${entrepot.remediation.threads:2}") int threads) {
        this.remediations = remediations;
        this.threads = Math.max(1, threads);
        this.maxPerSecond = maxPerSecond;
        this.chunk = maxPerSecond > 0 ? Math.max(1, Math.min(chunk, maxPerSecond)) : chunk;
        this.lease = lease;
        this.turn = turn;
    }

    @Scheduled(initialDelayString = "${entrepot.remediation.initial-delay:PT5S}", fixedDelayString = "${entrepot.remediation.poll:PT2S}")
    void work() {
        if (threads == 1) {
            workTurn();
            return;
        }
        // each thread claims chunks of its own: one works in the database while another computes
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(this::workTurn);
            }
        }
    }

    private void workTurn() {
        long deadline = System.nanoTime() + turn.toNanos();
        try {
            int worked;
            do {
                long started = System.nanoTime();
                worked = remediations.workOnce(node, chunk, lease);
                if (maxPerSecond > 0 && worked > 0) {
                    long due = started + worked * 1_000_000_000L * threads / maxPerSecond;
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                }
            } while (worked > 0 && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("remediation work failed; it runs again on its next turn", e);
        }
    }
}
