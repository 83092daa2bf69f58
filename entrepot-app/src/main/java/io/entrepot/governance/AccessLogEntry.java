package io.entrepot.governance;

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
        return canonical(Long.toString(seq), id.toString(), Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)),
                sellerId.toString(), actor, grantId == null ? "" : grantId.toString(), purpose, reference, operation, objectIds);
    }

    /** The canonical encoding from the fields as text (UUIDs in their usual form, the time in microseconds since the epoch). */
    public static byte[] canonical(String seq, String id, String micros, String sellerId, String actor, String grantId, String purpose,
            String reference, String operation, List<String> objectIds) {
        byte[][] fields = new byte[10 + objectIds.size()][];
        fields[0] = utf8(seq);
        fields[1] = utf8(id);
        fields[2] = utf8(micros);
        fields[3] = utf8(sellerId);
        fields[4] = utf8(actor);
        fields[5] = utf8(grantId);
        fields[6] = utf8(purpose);
        fields[7] = utf8(reference);
        fields[8] = utf8(operation);
        fields[9] = utf8(Integer.toString(objectIds.size()));
        for (int i = 0; i < objectIds.size(); i++) {
            fields[10 + i] = utf8(objectIds.get(i));
        }
        return canonical(fields);
    }

    /** The canonical encoding of fields already in UTF-8, in the order {@link AccessLogEntry} documents (object ids last). */
    public static byte[] canonical(byte[][] fields) {
        int length = 0;
        for (byte[] field : fields) {
            length += 4 + field.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] field : fields) {
            int n = field.length;
            out[at] = (byte) (n >>> 24);
            out[at + 1] = (byte) (n >>> 16);
            out[at + 2] = (byte) (n >>> 8);
            out[at + 3] = (byte) n;
            System.arraycopy(field, 0, out, at + 4, n);
            at += 4 + n;
        }
        return out;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
