package io.entrepot.logistics.internal;

import io.entrepot.logistics.Remediations;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works remediation runs on every node: a poll looks for work, and when there is some, the node's
 * worker threads claim chunks of items under a lease until none is left. The workers have threads of
 * their own, so a long run does not hold up the application's other scheduled jobs. Nodes need no
 * coordination beyond the database's row locks.
 */
@Component
class RemediationWorker {

    private static final Log log = LogFactory.getLog(RemediationWorker.class);

    private final Remediations remediations;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final int chunk;
    private final Duration lease;
    private final int maxPerSecond;
    private final int threads;
    private final ExecutorService workers;
    private final AtomicBoolean working = new AtomicBoolean();

    /**
     * @param maxPerSecond at most this many orders per second on this node (0: as fast as it goes), to
     *     stay within what the payment provider accepts in refunds
     * @param threads workers on this node, each claiming and working its own chunks (one works in the
     *     database while another prepares its chunk)
     */
    RemediationWorker(Remediations remediations, @Value("${entrepot.remediation.chunk:200}") int chunk,
            @Value("${entrepot.remediation.lease:PT2M}") Duration lease, @Value("${entrepot.remediation.max-per-second:0}") int maxPerSecond,
            @Value("${entrepot.remediation.threads:2}") int threads) {
        this.remediations = remediations;
        this.threads = Math.max(1, threads);
        this.maxPerSecond = maxPerSecond;
        this.chunk = maxPerSecond > 0 ? Math.max(1, Math.min(chunk, maxPerSecond)) : chunk;
        this.lease = lease;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "remediation-worker-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the workers when they are idle; they stop when no item is left to claim. */
    @Scheduled(initialDelayString = "${entrepot.remediation.initial-delay:PT5S}", fixedDelayString = "${entrepot.remediation.poll:PT0.5S}")
    void poll() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            CompletableFuture<?>[] all = new CompletableFuture<?>[threads];
            for (int i = 0; i < threads; i++) {
                all[i] = CompletableFuture.runAsync(this::workUntilNoneLeft, workers);
            }
            CompletableFuture.allOf(all).whenComplete((done, failure) -> working.set(false));
        } catch (RuntimeException e) {
            working.set(false);
            log.warn("remediation workers could not start; the next poll tries again", e);
        }
    }

    private void workUntilNoneLeft() {
        try {
            int worked;
            do {
                long started = System.nanoTime();
                worked = remediations.workOnce(node, chunk, lease);
                if (maxPerSecond > 0 && worked > 0) {
                    long due = started + worked * 1_000_000_000L * threads / maxPerSecond;
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                }
            } while (worked > 0 && !Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("remediation work failed; it runs again on the next poll", e);
        }
    }

    /** Stops the workers before the database goes away; an item cut short is taken over when its lease runs out. */
    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
