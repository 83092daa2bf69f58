package io.entrepot.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What may be shown about a key after it was issued: never the secret. */
public record ApiKeySummary(UUID id, String prefix, String label, String scope, @Nullable String operatorRole,
        @Nullable UUID sellerId, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
}
