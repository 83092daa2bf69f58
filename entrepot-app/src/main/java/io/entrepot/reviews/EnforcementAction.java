package io.entrepot.reviews;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step taken against a seller, with why, and when and why it was lifted. */
public record EnforcementAction(UUID id, UUID sellerId, String step, String reason, int fakes, Instant createdAt, @Nullable Instant liftedAt,
        @Nullable String liftedBecause, @Nullable Appeal appeal) {

    /** The seller's appeal against an action and the moderator's decision on it. */
    public record Appeal(UUID id, UUID actionId, String statement, String status, @Nullable String decidedBy, @Nullable String decisionReason,
            @Nullable Instant decidedAt, Instant createdAt) {
    }

    public boolean active() {
        return liftedAt == null;
    }
}
