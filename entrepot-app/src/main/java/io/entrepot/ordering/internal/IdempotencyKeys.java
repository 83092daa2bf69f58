package io.entrepot.ordering.internal;

import io.entrepot.shared.ConflictException;
import io.entrepot.shared.RefusedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} handling: the key is claimed in the same transaction that starts the work,
 * so a request that fails before it commits leaves no key behind, and a concurrent duplicate waits on
 * the key's row and then sees it. Same key and body → the first response again; another body → 422;
 * still running → 409. Keys are kept for 24 hours at least.
 */
@Component
public class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored response to replay. */
    public record Replay(int status, String body) {
    }

    /**
     * Claims the key for this request inside the current transaction. Empty when this request is the
     * first and should run; a replay when it ran to the end before; throws when it is running or the
     * key was used with another request.
     */
    public Optional<Replay> claim(String scope, String key, String requestHash) {
        return claim(scope, key, requestHash, null);
    }

    /**
     * Claims the key as {@link #claim(String, String, String)} does, naming at once the resource this
     * request will create (as {@link #bindOrder} would later), so whoever finishes the work can store the response.
     */
    public Optional<Replay> claim(String scope, String key, String requestHash, java.util.@org.jspecify.annotations.Nullable UUID resource) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                insert into ordering.idempotency_key (scope, key, request_hash, state, created_at, expires_at, resource_id)
                values (:scope, :key, :hash, 'running', :now, :expires, :resource) on conflict (scope, key) do nothing
                """).param("scope", scope).param("key", key).param("hash", requestHash).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(KEPT))).param("resource", resource, java.sql.Types.OTHER).update();
        if (inserted > 0) {
            return Optional.empty();
        }
        record Stored(String requestHash, String state, @org.jspecify.annotations.Nullable Integer status,
                @org.jspecify.annotations.Nullable String body) {
        }
        Stored existing = jdbc.sql("select request_hash, state, response_status, response_body from ordering.idempotency_key where scope = :scope and key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4))).single();
        if (!existing.requestHash().equals(requestHash)) {
            throw new RefusedException(422, "idempotency-key-reused", "Idempotency-Key " + key + " was used with a different request");
        }
        if ("running".equals(existing.state()) || existing.status() == null) {
            throw new ConflictException("request-in-progress", "a request with Idempotency-Key " + key + " is still running; retry later");
        }
        return Optional.of(new Replay(existing.status(), java.util.Objects.requireNonNullElse(existing.body(), "")));
    }

    /** Names the resource a claimed key is creating, so whoever finishes the work can store the response. */
    public void bindOrder(String scope, String key, java.util.UUID resource) {
        jdbc.sql("update ordering.idempotency_key set resource_id = :resource where scope = :scope and key = :key")
                .param("resource", resource).param("scope", scope).param("key", key).update();
    }

    /**
     * The statement that stores the answer for the key creating {@code :resource} (if one did), with
     * {@code :answerStatus} and {@code :answerBody}; shared with {@link OrderStore#endPlacement}, which runs it
     * together with the order's own updates.
     */
    static final String STORE_ANSWER = """
            update ordering.idempotency_key set state = 'done', response_status = :answerStatus, response_body = :answerBody
            where resource_id = :resource and state = 'running'""";

    /** Stores the response for the key that created this resource (if one did). */
    public void completeForOrder(java.util.UUID resource, int status, String body) {
        jdbc.sql(STORE_ANSWER).param("answerStatus", status).param("answerBody", body).param("resource", resource).update();
    }

    /** The response stored for the key that created this resource, once its work is done. */
    public Optional<Replay> answerForOrder(java.util.UUID resource) {
        return jdbc.sql("select response_status, response_body from ordering.idempotency_key where resource_id = :resource and state = 'done'")
                .param("resource", resource).query((rs, n) -> new Replay(rs.getInt(1), java.util.Objects.requireNonNullElse(rs.getString(2), "")))
                .optional();
    }

    /** Removes keys past their time. */
    public int purge() {
        return jdbc.sql("delete from ordering.idempotency_key where expires_at < :now and state = 'done'")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    public static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
