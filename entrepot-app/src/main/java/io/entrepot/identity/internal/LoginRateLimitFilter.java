package io.entrepot.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses login attempts with 429 and {@code Retry-After} from a client that failed too often. */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    private final FailureRateLimiter limiter;

    LoginRateLimitFilter(FailureRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(FailureRateLimiter.seconds(wait.get())));
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}
