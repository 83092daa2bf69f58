package io.entrepot.ordering.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.RefusedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment provider webhooks: signed (HMAC-SHA256 over {@code timestamp.payload}, header
 * {@code t=<epoch seconds>,v1=<hex>}), delivered at least once and in any order. Each event id has its
 * effect once, in the transaction that records it; an older event never overrides a newer state.
 */
@Component
public class PaymentWebhooks {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final byte[] secret;

    PaymentWebhooks(OrderStore store, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${entrepot.payments.sandbox.webhook-secret:sandbox-webhook-secret-for-development-only}") String secret) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the event was new (false: a duplicate, nothing done). */
    public boolean receive(String payload, String signatureHeader) {
        verify(payload, signatureHeader);
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the webhook payload is not JSON");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        String paymentRef = text(event, "payment");
        Instant occurred;
        try {
            occurred = Instant.parse(text(event, "occurredAt"));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("occurredAt must be an ISO-8601 instant");
        }
        if (!type.startsWith("payment.")) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        return ActorContext.callAs(Actor.system("payment-webhook"), () -> tx.execute(s -> {
            Instant now = clock.instant();
            if (!store.recordEvent(id, paymentRef, type, occurred, now)) {
                return false;
            }
            jdbc.sql("""
                    update ordering.payment set provider_state = :state, provider_state_at = :at, updated_at = :now
                    where provider_ref = :ref and (provider_state_at is null or provider_state_at < :at)
                    """).param("state", type.substring("payment.".length())).param("at", Timestamp.from(occurred))
                    .param("now", Timestamp.from(now)).param("ref", paymentRef).update();
            return true;
        }));
    }

    /** The signature header for a payload at a time (the sandbox signs with it; tests too). */
    public String sign(String payload, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + payload);
    }

    private void verify(String payload, String header) {
        if (header == null || header.isBlank()) {
            throw new RefusedException(401, "signature-missing", "the webhook has no signature");
        }
        long t = -1;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    t = -1;
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t < 0 || v1 == null) {
            throw new RefusedException(401, "signature-invalid", "the webhook signature header is malformed");
        }
        if (Duration.between(Instant.ofEpochSecond(t), clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new RefusedException(401, "signature-stale", "the webhook signature is older than " + TOLERANCE.toMinutes() + " minutes");
        }
        if (!MessageDigest.isEqual(hmac(t + "." + payload).getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII))) {
            throw new RefusedException(401, "signature-invalid", "the webhook signature does not match");
        }
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank() || value.asString().length() > 200) {
            throw new IllegalArgumentException("the webhook needs a text field " + field);
        }
        return value.asString();
    }
}
