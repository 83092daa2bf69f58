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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A webhook as delivered: its payload and its signature header. */
    public record Delivery(String payload, String signature) {
    }

    private record Event(String id, String type, String paymentRef, Instant occurred) {
    }

    /** Whether the event was new (false: a duplicate, nothing done). */
    public boolean receive(String payload, String signatureHeader) {
        return receiveAll(List.of(new Delivery(payload, signatureHeader))).getFirst();
    }

    /**
     * Several deliveries at once, each verified and read as {@link #receive} does (the first bad one is
     * refused, and nothing is recorded), then recorded with two statements however many they are: which
     * of them were new, in order. A payment takes the state of its latest event, whatever the order of arrival.
     */
    public List<Boolean> receiveAll(List<Delivery> deliveries) {
        List<Event> events = deliveries.stream().map(d -> {
            verify(d.payload(), d.signature());
            return parse(d.payload());
        }).toList();
        return ActorContext.callAs(Actor.system("payment-webhook"), () -> tx.execute(s -> {
            Instant now = clock.instant();
            Set<String> recorded = new HashSet<>(jdbc.sql("""
                    insert into ordering.payment_event (event_id, provider_ref, type, occurred_at, received_at)
                    select u.id, u.ref, u.type, u.occurred, :now
                    from unnest(cast(:ids as text[]), cast(:refs as text[]), cast(:types as text[]), cast(cast(:occurred as text[]) as timestamptz[]))
                         as u (id, ref, type, occurred)
                    on conflict (event_id) do nothing
                    returning event_id
                    """).param("ids", events.stream().map(Event::id).toArray(String[]::new))
                    .param("refs", events.stream().map(Event::paymentRef).toArray(String[]::new))
                    .param("types", events.stream().map(Event::type).toArray(String[]::new))
                    .param("occurred", events.stream().map(e -> e.occurred().toString()).toArray(String[]::new))
                    .param("now", Timestamp.from(now)).query(String.class).list());
            List<Boolean> fresh = new ArrayList<>();
            Map<String, Event> latest = new HashMap<>();
            for (Event e : events) {
                boolean isNew = recorded.remove(e.id()); // a repeat within the batch is a duplicate too
                fresh.add(isNew);
                if (isNew) {
                    latest.merge(e.paymentRef(), e, (a, b) -> b.occurred().isAfter(a.occurred()) ? b : a);
                }
            }
            if (!latest.isEmpty()) {
                jdbc.sql("""
                        update ordering.payment p set provider_state = u.state, provider_state_at = u.at, updated_at = :now
                        from unnest(cast(:refs as text[]), cast(:states as text[]), cast(cast(:ats as text[]) as timestamptz[])) as u (ref, state, at)
                        where p.provider_ref = u.ref and (p.provider_state_at is null or p.provider_state_at < u.at)
                        """).param("refs", latest.keySet().toArray(String[]::new))
                        .param("states", latest.values().stream().map(e -> e.type().substring("payment.".length())).toArray(String[]::new))
                        .param("ats", latest.values().stream().map(e -> e.occurred().toString()).toArray(String[]::new))
                        .param("now", Timestamp.from(now)).update();
            }
            return fresh;
        }));
    }

    private static Event parse(String payload) {
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
        return new Event(id, type, paymentRef, occurred);
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
