package io.entrepot.identity.web;

import io.entrepot.identity.IssuedApiKey;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The one response that carries a key's secret, right after it was issued. */
record ApiKeyResponse(UUID id, String key, String prefix, String label, @Nullable UUID sellerId,
        @Nullable String operatorRole, Instant createdAt) {

    static ApiKeyResponse of(IssuedApiKey issued, @Nullable UUID sellerId, @Nullable String operatorRole) {
        return new ApiKeyResponse(issued.id(), issued.secret(), issued.prefix(), issued.label(), sellerId,
                operatorRole, issued.createdAt());
    }
}
