package io.entrepot.identity.internal;

import io.entrepot.identity.ApiKeyScope;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} requests. A wrong key answers 401 at once; a client
 * that sends too many wrong keys answers 429 with {@code Retry-After} until its window ends.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeyStore keys;
    private final TransactionTemplate transactions;
    private final FailureRateLimiter limiter;
    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, TransactionTemplate transactions, FailureRateLimiter limiter, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Duration> wait = limiter.retryAfter(client);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(FailureRateLimiter.seconds(wait.get())));
            Problems.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "too many failed authentications from this client; retry later"));
            return;
        }
        String secret = header.substring(BEARER.length()).trim();
        Optional<ApiKeyStore.StoredKey> key = secret.isEmpty() || secret.length() > 200
                ? Optional.empty()
                : ActorContext.callAs(AccountUserDetailsService.AUTHENTICATION,
                        () -> transactions.execute(tx -> lookUp(secret)));
        if (key.isEmpty()) {
            limiter.record(client);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"entrepot\", error=\"invalid_token\"");
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-api-key",
                    "the API key is not valid or has been revoked"));
            return;
        }
        Actor actor = switch (key.get().scope()) {
            case ApiKeyScope.Operator op -> new Actor.Operator(key.get().id(), java.util.Set.of(op.role()));
            case ApiKeyScope.Seller s -> new Actor.Seller(key.get().id(), s.sellerId());
        };
        var principal = new EntrepotPrincipal("api-key:" + key.get().id(), actor, null, true);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<ApiKeyStore.StoredKey> lookUp(String secret) {
        Optional<ApiKeyStore.StoredKey> key = keys.findActiveByHash(ApiKeySecrets.hash(secret));
        Instant now = clock.instant();
        key.filter(k -> k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minusSeconds(60)))
                .map(ApiKeyStore.StoredKey::id)
                .ifPresent((UUID id) -> keys.touch(id, now));
        return key;
    }
}
