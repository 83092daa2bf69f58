package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void idsAreVersionSevenWithTheClocksMilliseconds() {
        Instant now = Instant.parse("2026-11-25T12:00:00.123Z");
        UUID id = Ids.newId(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsMadeInTheSameMillisecondStillIncrease() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId(frozen));
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Long.compareUnsigned(ids.get(i).getMostSignificantBits(), ids.get(i - 1).getMostSignificantBits()))
                    .as("id %d is after id %d", i, i - 1).isPositive();
        }
    }
}
