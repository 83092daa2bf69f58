package io.entrepot.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import io.entrepot.support.MovableClock;
import org.junit.jupiter.api.Test;

class FailureRateLimiterTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @Test
    void blocksAClientAfterTooManyFailuresUntilItsWindowEnds() {
        var limiter = new FailureRateLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.retryAfter("10.0.0.1")).isEmpty();
            limiter.record("10.0.0.1");
        }
        assertThat(limiter.retryAfter("10.0.0.1")).contains(Duration.ofMinutes(1));
        assertThat(limiter.retryAfter("10.0.0.2")).as("other clients are unaffected").isEmpty();

        clock.advance(Duration.ofSeconds(45));
        assertThat(limiter.retryAfter("10.0.0.1")).contains(Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(limiter.retryAfter("10.0.0.1")).isEmpty();
    }

    @Test
    void successResetsTheCount() {
        var limiter = new FailureRateLimiter(2, Duration.ofMinutes(1), clock);
        limiter.record("c");
        limiter.reset("c");
        limiter.record("c");
        assertThat(limiter.retryAfter("c")).isEmpty();
    }

    @Test
    void retryAfterIsNeverZeroSeconds() {
        assertThat(FailureRateLimiter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(FailureRateLimiter.seconds(Duration.ofMillis(1500))).isEqualTo(2);
    }
}
