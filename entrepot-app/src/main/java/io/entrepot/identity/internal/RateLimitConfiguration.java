package io.entrepot.identity.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits on guessing keys and passwords and on flooding the public seller sign-up. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FailureRateLimiter apiKeyFailureLimiter(@Value("${entrepot.security.api-key-failures-per-minute:20}") int failures, Clock clock) {
        return new FailureRateLimiter(failures, Duration.ofMinutes(1), clock);
    }

    @Bean
    FailureRateLimiter loginFailureLimiter(@Value("${entrepot.security.login-failures-per-minute:10}") int failures, Clock clock) {
        return new FailureRateLimiter(failures, Duration.ofMinutes(1), clock);
    }

    /** Seller applications per client and hour: the public sign-up must not become a way to flood the review queue. */
    @Bean
    FailureRateLimiter sellerApplicationLimiter(@Value("${entrepot.security.seller-applications-per-hour:5}") int applications, Clock clock) {
        return new FailureRateLimiter(applications, Duration.ofHours(1), clock);
    }
}
