package io.entrepot.identity;

import java.time.Instant;
import java.util.UUID;

/** A newly issued key. {@code secret} is the only copy of the key: it is not stored and cannot be shown again. */
public record IssuedApiKey(UUID id, String secret, String prefix, String label, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + id + ", " + prefix + "…, " + label + "]";
    }
}
