package io.entrepot.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A publication an earlier run left undelivered reaches its listener after start; one of this run's own,
 * still on its way, is left alone.
 */
@IntegrationTest
class OutstandingEventsIntegrationTests {

    private static final Pattern LIVE_OFFER = Pattern.compile("\"offerId\":\"([0-9a-f-]{36})\",\"market\":\"[A-Z]{2}\",\"live\":true");

    @Autowired
    OutstandingEvents outstanding;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aListingEventLeftUndeliveredByAnEarlierRunIsDeliveredAndOneFromThisRunIsNot() throws Exception {
        // A delivered listing event of the demo catalogue whose offer is listed now, copied as if undelivered.
        Map<String, Object> delivered = null;
        UUID offer = null;
        for (Map<String, Object> row : asSystem(() -> jdbc.sql("""
                select listener_id, event_type, serialized_event from events.event_publication
                where listener_id like '%ListingIndexer.on(io.entrepot.catalog.OffersChanged)' and completion_date is not null
                order by publication_date limit 50""").query().listOfRows())) {
            var live = LIVE_OFFER.matcher((String) row.get("serialized_event"));
            if (live.find() && listingRows(UUID.fromString(live.group(1))) > 0) {
                delivered = row;
                offer = UUID.fromString(live.group(1));
                break;
            }
        }
        assertThat(delivered).as("a delivered listing event of a listed offer in the demo catalogue").isNotNull();
        UUID listed = offer;
        Instant start = Instant.now();
        UUID fromEarlierRun = copyUndelivered(delivered, start.minus(Duration.ofHours(1)));
        UUID fromThisRun = copyUndelivered(delivered, start.plusSeconds(1));
        asSystem(() -> jdbc.sql("delete from search.listing where offer_id = ?").param(listed).update());
        assertThat(listingRows(listed)).isZero();

        outstanding.resubmitThoseFromBefore(start);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!completed(fromEarlierRun) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(completed(fromEarlierRun)).as("the earlier run's publication is delivered").isTrue();
        assertThat(listingRows(listed)).as("the listener listed the offer again").isPositive();
        assertThat(completed(fromThisRun)).as("this run's own publication is not resubmitted").isFalse();
        asSystem(() -> jdbc.sql("delete from events.event_publication where id in (?, ?)").params(List.of(fromEarlierRun, fromThisRun)).update());
    }

    private UUID copyUndelivered(Map<String, Object> publication, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        asSystem(() -> jdbc.sql("""
                insert into events.event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                values (?, ?, ?, ?, ?, 'PUBLISHED', 1)""")
                .params(id, publication.get("listener_id"), publication.get("event_type"), publication.get("serialized_event"),
                        java.sql.Timestamp.from(publishedAt))
                .update());
        return id;
    }

    private boolean completed(UUID publication) {
        return asSystem(() -> jdbc.sql("select completion_date is not null from events.event_publication where id = ?").param(publication)
                .query(Boolean.class).single());
    }

    private long listingRows(UUID offer) {
        return asSystem(() -> jdbc.sql("select count(*) from search.listing where offer_id = ?").param(offer).query(Long.class).single());
    }

    private <T> T asSystem(java.util.function.Supplier<T> work) {
        return ActorContext.callAs(Actor.system("test-events"), () -> tx.execute(s -> work.get()));
    }
}
