package io.entrepot.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per client in a fixed window (failed authentications, seller sign-ups); a client with
 * too many is refused until its window ends. Kept in memory per node: a client spread over N nodes gets at most N times the limit.
 */
public final class FailureRateLimiter {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FailureRateLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the client must wait, when it has used up its allowance. */
    public Optional<Duration> retryAfter(String client) {
        Instant now = clock.instant();
        Window current = windows.get(client);
        if (current == null || !current.end().isAfter(now) || current.failures() < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.end()));
    }

    public void record(String client) {
        Instant now = clock.instant();
        windows.compute(client, (key, current) -> current == null || !current.end().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(current.end(), current.failures() + 1));
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> !w.end().isAfter(now));
        }
    }

    void reset(String client) {
        windows.remove(client);
    }

    /** Seconds for a {@code Retry-After} header: never zero. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private record Window(Instant end, int failures) {
    }
}
