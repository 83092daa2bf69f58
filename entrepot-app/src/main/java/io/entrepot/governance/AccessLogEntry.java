package io.entrepot.governance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the access log: who read or wrote which of a seller's data, under which grant or
 * system purpose, when. {@link #hash} is SHA-256 over the previous entry's hash and the canonical
 * encoding of every other field, so changing or removing any entry breaks every hash after it.
 *
 * <p>Canonical encoding: each field as UTF-8 text prefixed by its byte length (4 bytes, big-endian),
 * in this order: seq, id, occurred_at (microseconds since the epoch, decimal), seller id, actor,
 * grant id (empty when none), purpose, reference, operation, then the number of object ids followed
 * by each of them. The database stores microseconds, so the time is cut to microseconds before.
 */
public record AccessLogEntry(long seq, UUID id, Instant occurredAt, UUID sellerId, String actor, @Nullable UUID grantId, String purpose,
        String reference, String operation, List<String> objectIds, byte[] prevHash, byte[] hash) {

    public static final byte[] GENESIS = new byte[32];

    public AccessLogEntry {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        objectIds = List.copyOf(objectIds);
    }

    /** A new entry after {@code prevHash}, its hash computed. */
    public static AccessLogEntry next(long seq, UUID id, Instant occurredAt, UUID sellerId, String actor, @Nullable UUID grantId, String purpose,
            String reference, String operation, List<String> objectIds, byte[] prevHash) {
        var unhashed = new AccessLogEntry(seq, id, occurredAt, sellerId, actor, grantId, purpose, reference, operation, objectIds, prevHash,
                GENESIS);
        return new AccessLogEntry(seq, id, occurredAt, sellerId, actor, grantId, purpose, reference, operation, objectIds, prevHash,
                unhashed.computeHash());
    }

    /** SHA-256 over the previous hash and this entry's canonical encoding. */
    public byte[] computeHash() {
        MessageDigest digest = sha256();
        digest.update(prevHash);
        digest.update(canonical());
        return digest.digest();
    }

    public byte[] canonical() {
        var out = new ByteArrayOutputStream(256);
        field(out, Long.toString(seq));
        field(out, id.toString());
        field(out, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
        field(out, sellerId.toString());
        field(out, actor);
        field(out, grantId == null ? "" : grantId.toString());
        field(out, purpose);
        field(out, reference);
        field(out, operation);
        field(out, Integer.toString(objectIds.size()));
        objectIds.forEach(objectId -> field(out, objectId));
        return out.toByteArray();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
