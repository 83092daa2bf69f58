package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Waiting on remediation runs and writing carriers' tracking events, for the logistics tests. */
final class RemediationRuns {

    private RemediationRuns() {
    }

    /** A carrier's tracking event as JSON, with a fresh event id. */
    static String event(String trackingNumber, String status, String checkpoint, Instant at) {
        return "{\"eventId\":\"%s\",\"trackingNumber\":\"%s\",\"status\":\"%s\",%s\"occurredAt\":\"%s\"}".formatted(UUID.randomUUID(), trackingNumber,
                status, checkpoint == null ? "" : "\"checkpoint\":\"" + checkpoint + "\",", at);
    }

    /** Waits (up to 3 minutes) until at least this many of the run's items are done; the run's state then. */
    static JsonNode awaitDone(Api api, String run, int done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode state;
        do {
            Thread.sleep(200);
            state = api.get("/api/v1/ops/remediations/" + run, Api.ADMIN_KEY).json();
        } while (state.get("progress").get("done").asInt() < done && System.nanoTime() < deadline);
        assertThat(state.get("progress").get("done").asInt()).as(state.toString()).isGreaterThanOrEqualTo(done);
        return state;
    }

    /** Waits (up to 3 minutes) until the run is finished; its state then. */
    static JsonNode awaitFinished(Api api, String run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode state;
        do {
            Thread.sleep(200);
            state = api.get("/api/v1/ops/remediations/" + run, Api.ADMIN_KEY).json();
        } while (!state.get("status").asString().equals("finished") && System.nanoTime() < deadline);
        assertThat(state.get("status").asString()).as(state.toString()).isEqualTo("finished");
        return state;
    }
}
