package io.entrepot.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.market.MarketDefinition;
import io.entrepot.market.TradeRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The market files in the repository are complete and consistent. */
class MarketReferenceDataTests {

    @Test
    void seedsTheSixteenMarketsOfTheSourceData() {
        List<String> codes = MarketReferenceData.marketDefinitions().stream().map(m -> m.code().value()).toList();
        assertThat(codes).containsExactlyInAnyOrder("SG", "MY", "TH", "VN", "PH", "ID", "JP", "KR", "US", "GB", "DE", "FR",
                "AU", "MX", "BR", "SA");
    }

    @Test
    void rupiahIsShownWithoutDecimalsButKeepsIsoMinorUnits() {
        MarketDefinition indonesia = MarketReferenceData.marketDefinitions().stream()
                .filter(m -> m.code().value().equals("ID")).findFirst().orElseThrow();
        assertThat(indonesia.currency().minorUnits()).isEqualTo(2);
        assertThat(indonesia.displayMinorUnits()).isZero();
    }

    @Test
    void everyMarketHasExactlyOneVersionInForceAtAnyInstantSinceItsFirst() {
        Map<String, List<TradeRules>> byMarket = MarketReferenceData.tradeRules().stream()
                .collect(Collectors.groupingBy(r -> r.market().value()));
        assertThat(byMarket).hasSize(16);
        for (var entry : byMarket.entrySet()) {
            List<TradeRules> versions = entry.getValue().stream()
                    .sorted((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom())).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertThat(versions.get(i - 1).effectiveTo()).as("%s version %d ends where the next starts", entry.getKey(), i)
                        .isEqualTo(versions.get(i).effectiveFrom());
            }
            assertThat(versions.getLast().effectiveTo()).as("%s: the last version is open-ended", entry.getKey()).isNull();
            for (String instant : List.of("2026-11-25T00:00:00Z", "2027-08-01T00:00:00Z", "2030-01-01T00:00:00Z")) {
                assertThat(versions.stream().filter(v -> v.inForceAt(Instant.parse(instant))).count())
                        .as("%s at %s", entry.getKey(), instant).isOne();
            }
        }
    }
}
