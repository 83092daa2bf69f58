package io.entrepot.shared;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} header every POST that creates an order, a payment, a refund or a payout
 * must carry: present, 1 to 150 characters (room for the prefixes the ledger derives from it).
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    private static final int MAX_LENGTH = 150;

    private IdempotencyKeyHeader() {
    }

    /** The key, stripped; a 400 problem when it is missing or too long. */
    public static String require(@Nullable String header, String what) {
        if (header == null || header.isBlank()) {
            throw new RefusedException(400, "idempotency-key-required", what + " needs an " + NAME + " header");
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH) {
            throw new RefusedException(400, "idempotency-key-required", "an " + NAME + " has at most " + MAX_LENGTH + " characters");
        }
        return key;
    }
}
