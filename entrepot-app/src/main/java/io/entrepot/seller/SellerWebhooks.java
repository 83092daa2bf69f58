package io.entrepot.seller;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.SellerId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks to sellers. A seller registers one endpoint and gets its signing secret once; other modules
 * put messages in the outbox inside the transaction that decides them ({@link #enqueue}); a job sends
 * them as JSON with {@code Entrepot-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">} and
 * {@code Entrepot-Event-Id}, retrying with growing pauses until the endpoint answers 2xx. Delivery is
 * at least once: receivers use the event id to drop repeats.
 */
@Service
public class SellerWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ATTEMPTS = 12;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean allowInsecure;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    SellerWebhooks(JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${entrepot.webhooks.allow-insecure:false}") boolean allowInsecure) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.allowInsecure = allowInsecure;
    }

    public record Endpoint(String url, @Nullable String secret, Instant updatedAt) {
    }

    /** Sets the seller's endpoint and a new signing secret, shown in this answer only. */
    public Endpoint register(SellerId seller, String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook URL is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        if (uri.getHost() == null || !(https || allowInsecure && "http".equals(uri.getScheme())) || url.length() > 500) {
            throw new IllegalArgumentException("a webhook URL is an https URL of at most 500 characters");
        }
        if (!allowInsecure && internal(uri.getHost())) {
            throw new IllegalArgumentException("a webhook URL must reach a public address, not this platform's own network");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        ActorContext.runAs(Actor.system("seller-webhooks"), () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into seller.webhook_endpoint (seller_id, url, secret, created_at, updated_at) values (:seller, :url, :secret, :now, :now)
                on conflict (seller_id) do update set url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at
                """).param("seller", seller.value()).param("url", uri.toString()).param("secret", secret).param("now", Timestamp.from(now)).update()));
        return new Endpoint(uri.toString(), secret, now);
    }

    /** The seller's endpoint without its secret. */
    public Optional<Endpoint> endpoint(SellerId seller) {
        return ActorContext.callAs(Actor.system("seller-webhooks"), () -> tx.execute(s -> jdbc.sql(
                "select url, updated_at from seller.webhook_endpoint where seller_id = :seller").param("seller", seller.value())
                .query((rs, n) -> new Endpoint(rs.getString("url"), null, rs.getTimestamp("updated_at").toInstant())).optional()));
    }

    /** Puts a message for the seller in the outbox, in the caller's transaction; nothing when the seller has no endpoint. */
    public void enqueue(SellerId seller, String eventType, Map<String, ?> payload) {
        jdbc.sql("""
                insert into seller.webhook_delivery (id, seller_id, event_type, payload, next_attempt_at, created_at)
                select :id, :seller, :type, cast(:payload as jsonb), :now, :now where exists (select 1 from seller.webhook_endpoint where seller_id = :seller)
                """).param("id", Ids.newId(clock)).param("seller", seller.value()).param("type", eventType)
                .param("payload", JSON.writeValueAsString(payload)).param("now", Timestamp.from(clock.instant())).update();
    }

    /** A message to queue for a seller. */
    public record Message(SellerId seller, String eventType, Map<String, ?> payload) {
    }

    /** {@link #enqueue} for many messages with one statement (those for sellers without an endpoint are dropped). */
    public void enqueueAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into seller.webhook_delivery (id, seller_id, event_type, payload, next_attempt_at, created_at)
                select cast(u.id as uuid), u.seller, u.type, cast(u.payload as jsonb), :now, :now
                from unnest(cast(:ids as text[]), cast(:sellers as uuid[]), cast(:types as text[]), cast(:payloads as text[])) as u (id, seller, type, payload)
                where exists (select 1 from seller.webhook_endpoint e where e.seller_id = u.seller)
                """).param("ids", messages.stream().map(m -> Ids.newId(clock).toString()).toArray(String[]::new))
                .param("sellers", messages.stream().map(m -> m.seller().value().toString()).toArray(String[]::new))
                .param("types", messages.stream().map(Message::eventType).toArray(String[]::new))
                .param("payloads", messages.stream().map(m -> JSON.writeValueAsString(m.payload())).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** A message waiting to be delivered. */
    private record Due(UUID id, UUID sellerId, String eventType, String payload, int attempts, String url, String secret, Instant createdAt) {
    }

    /** Sends due messages (claimed with SKIP LOCKED, so nodes share the work); the number delivered. */
    public int deliverDue(int limit) {
        Instant now = clock.instant();
        List<Due> due = ActorContext.callAs(Actor.system("seller-webhooks"), () -> tx.execute(s -> jdbc.sql("""
                with claimed as (
                    select id from seller.webhook_delivery where delivered_at is null and attempts < :max and next_attempt_at <= :now
                    order by next_attempt_at limit :limit for update skip locked)
                update seller.webhook_delivery d set next_attempt_at = :lease
                from claimed, seller.webhook_endpoint e
                where d.id = claimed.id and e.seller_id = d.seller_id
                returning d.id, d.seller_id, d.event_type, d.payload::text as payload, d.attempts, e.url, e.secret, d.created_at
                """).param("max", MAX_ATTEMPTS).param("now", Timestamp.from(now)).param("limit", limit)
                .param("lease", Timestamp.from(now.plusSeconds(60)))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("event_type"),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"),
                        rs.getTimestamp("created_at").toInstant())).list()));
        int delivered = 0;
        for (Due d : due) {
            String body = "{\"id\":\"" + d.id() + "\",\"type\":" + JSON.writeValueAsString(d.eventType()) + ",\"createdAt\":\"" + d.createdAt()
                    + "\",\"data\":" + d.payload() + "}";
            String error = send(d, body);
            Instant at = clock.instant();
            ActorContext.runAs(Actor.system("seller-webhooks"), () -> tx.executeWithoutResult(s -> jdbc.sql("""
                    update seller.webhook_delivery set attempts = attempts + 1, delivered_at = :delivered, last_error = :error, next_attempt_at = :next
                    where id = :id
                    """).param("delivered", error == null ? Timestamp.from(at) : null).param("error", error)
                    .param("next", Timestamp.from(at.plusSeconds(Math.min(3600, 5L << Math.min(d.attempts(), 10))))).param("id", d.id()).update()));
            if (error == null) {
                delivered++;
            }
        }
        return delivered;
    }

    private @Nullable String send(Due d, String body) {
        long t = clock.instant().getEpochSecond();
        // Checked again at each delivery: a name may have been pointed at an internal address since.
        if (!allowInsecure && internal(URI.create(d.url()).getHost())) {
            return "refused: the URL resolves to an internal address";
        }
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Entrepot-Event-Id", d.id().toString())
                    .header("Entrepot-Signature", "t=" + t + ",v1=" + sign(d.secret(), t + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return "not reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Whether a host name or address reaches the platform's own machine or network (or cannot be resolved). */
    static boolean internal(String host) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    return true;
                }
            }
            return false;
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    static boolean internal(java.net.InetAddress address) {
        return io.entrepot.shared.NetworkAddresses.isInternal(address);
    }

    /** HMAC-SHA256 of the signed text under the secret, in hex (what receivers recompute). */
    public static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
