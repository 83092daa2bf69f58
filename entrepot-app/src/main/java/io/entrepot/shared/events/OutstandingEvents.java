package io.entrepot.shared.events;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Hands the event publications an earlier run left incomplete (a crash, or a stop while listeners were
 * still queued) to their listeners again, once the application is ready and on a background thread.
 * Spring Modulith's own republication on restart does it while the context starts, one committed update
 * per publication, and held readiness back by ~6 s after a first start with the demo catalogue
 * (docs/benchmarks.md, start-up). Only publications from before this run started are resubmitted: this
 * run's own are on their way to their listeners already. Listeners are idempotent, so one that another
 * node is delivering at the same moment is harmless.
 */
@Component
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

    private final IncompleteEventPublications publications;
    private final Instant started;

    OutstandingEvents(IncompleteEventPublications publications, Clock clock) {
        this.publications = publications;
        this.started = clock.instant();
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        resubmitThoseFromBefore(started);
    }

    /** Resubmits every incomplete publication published before {@code instant}. */
    void resubmitThoseFromBefore(Instant instant) {
        try {
            publications.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(instant));
        } catch (RuntimeException e) {
            // They stay incomplete and are tried again at the next start.
            log.warn("Could not resubmit the incomplete event publications of an earlier run: {}", e.toString());
        }
    }
}
